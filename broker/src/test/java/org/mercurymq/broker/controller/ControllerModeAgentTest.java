package org.mercurymq.broker.controller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.config.Config;
import org.mercurymq.controller.ControllerConfig;
import org.mercurymq.controller.ControllerManager;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.NettyRemotingServer;
import org.mercurymq.remoting.netty.NettyServerConfig;

/**
 * Two brokers of one group against a real single-peer controller: ids, first election, SyncStateSet report,
 * failover to the in-sync slave when the master stops heartbeating, and the old master coming back as a slave.
 */
class ControllerModeAgentTest {
    private static final long HEARTBEAT_TIMEOUT = 2000;

    @TempDir
    Path dir;
    private NettyRemotingServer server;
    private ControllerManager controller;
    private NettyRemotingClient client;
    private ControllerChannel channel;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startController() throws Exception {
        int raftPort;
        try (ServerSocket s = new ServerSocket(0)) {
            raftPort = s.getLocalPort();
        }
        Config cfg = ControllerConfig.TABLE.defaults()
            .with(ControllerConfig.LISTEN_PORT, 0)
            .with(ControllerConfig.BIND_ADDRESS, "127.0.0.1")
            .with(ControllerConfig.RATIS_PEERS, "n0-127.0.0.1:" + raftPort)
            .with(ControllerConfig.STORE_PATH, dir.resolve("ratis").toString())
            .with(ControllerConfig.SCAN_NOT_ACTIVE_BROKER_INTERVAL, 200L)
            .with(ControllerConfig.LIVENESS_GRACE, 0L);
        ControllerConfig config = new ControllerConfig(cfg);
        server = new NettyRemotingServer(config.nettyServerConfig());
        controller = new ControllerManager(config, System::currentTimeMillis);
        controller.start(server);
        server.start();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
        channel = new ControllerChannel(client, List.of("127.0.0.1:" + server.localListenPort()), 5000);
        await().atMost(Duration.ofSeconds(60)).until(() -> channel.leader() != null);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (server != null) {
            server.shutdown();
        }
        if (controller != null) {
            controller.shutdown();
        }
    }

    private ControllerModeAgent agent(String name, int epoch, long maxOffset) {
        ControllerModeAgent.LocalProgress progress = new ControllerModeAgent.LocalProgress() {
            public int epoch() {
                return epoch;
            }

            public long maxOffset() {
                return maxOffset;
            }

            public long confirmOffset() {
                return maxOffset;
            }
        };
        return new ControllerModeAgent(channel, "DefaultCluster", "broker-a", "127.0.0.1:" + name,
            new BrokerIdentityFile(dir.resolve(name).resolve("brokerIdentity")), System::currentTimeMillis, progress,
            HEARTBEAT_TIMEOUT, Integer.MAX_VALUE,
            (myId, s) -> events.add(name + ":" + (s.masterBrokerId() == myId ? "master" : "slave") + "@" + s.masterEpoch()));
    }

    @Test
    void theInSyncSlaveTakesOverAndTheOldMasterReturnsAsSlave() {
        ControllerModeAgent a = agent("a", 0, 0);
        ControllerModeAgent b = agent("b", 0, 0);
        assertEquals(1L, a.syncOnce().masterBrokerId());
        assertEquals(1L, a.brokerId());
        assertEquals(1L, b.syncOnce().masterBrokerId());
        assertEquals(2L, b.brokerId());
        assertEquals(List.of("a:master@1", "b:slave@1"), events);
        assertEquals(0, a.reportSyncStateSet(Set.of(1L, 2L)));
        assertEquals(Set.of(1L, 2L), a.state().syncStateSet());

        // a stops heartbeating (crash); b keeps going and is elected once a's heartbeat expires
        ControllerModeAgent bAfter = b;
        long lastMasterHeartbeat = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            bAfter.heartbeat();
            ReplicaState s = bAfter.syncOnce();
            return s != null && s.masterBrokerId() == 2L;
        });
        System.out.printf("broker failover: master's last heartbeat to slave elected took %d ms (heartbeat timeout %d ms)%n",
            (System.nanoTime() - lastMasterHeartbeat) / 1_000_000, HEARTBEAT_TIMEOUT);
        assertEquals(2, b.state().masterEpoch());
        assertTrue(events.contains("b:master@2"), events.toString());

        // a restarts with its identity file: same id, and it learns it is a slave now
        ControllerModeAgent aAgain = agent("a", 1, 0);
        ReplicaState seen = aAgain.syncOnce();
        assertEquals(1L, aAgain.brokerId());
        assertEquals(2L, seen.masterBrokerId());
        assertTrue(events.contains("a:slave@2"), events.toString());
        // the deposed master may not change the set any more
        assertTrue(aAgain.reportSyncStateSet(Set.of(1L)) != 0);
    }

    @Test
    void aStoreOfAnotherGroupIsRefused() {
        BrokerIdentityFile f = new BrokerIdentityFile(dir.resolve("x").resolve("brokerIdentity"));
        f.store("DefaultCluster", "broker-b", 3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.load("DefaultCluster", "broker-a"));
        assertTrue(e.getMessage().contains("another broker group"), e.getMessage());
        assertEquals(3L, f.load("DefaultCluster", "broker-b"));
    }
}
