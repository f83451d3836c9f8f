package org.mercurymq.namesrv;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.config.Config;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.body.RegisterBrokerBody;
import org.mercurymq.remoting.protocol.body.TopicConfigSerializeWrapper;
import org.mercurymq.remoting.protocol.body.TopicList;
import org.mercurymq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/** A real name server on 127.0.0.1 (port 0) and a real remoting client. */
class NamesrvLoopbackTest {
    private static final String BROKER_ADDR = "127.0.0.1:10911";

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private NamesrvController controller;
    private NettyRemotingClient client;

    private String start(long scanIntervalMillis) throws Exception {
        Config cfg = NamesrvConfig.TABLE.defaults()
            .with(NamesrvConfig.LISTEN_PORT, 0)
            .with(NamesrvConfig.BIND_ADDRESS, "127.0.0.1")
            .with(NamesrvConfig.KV_CONFIG_PATH, dir.resolve("kvConfig.json").toString())
            .with(NamesrvConfig.CONFIG_STORE_PATH, dir.resolve("namesrv.properties").toString())
            .with(NamesrvConfig.SCAN_NOT_ACTIVE_BROKER_INTERVAL, scanIntervalMillis)
            .with(NettyServerConfig.SERVER_WORKER_THREADS, 2)
            .with(NettyServerConfig.SERVER_SELECTOR_THREADS, 1);
        controller = new NamesrvController(new NamesrvConfig(cfg), clock::get);
        controller.start();
        client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
        return "127.0.0.1:" + controller.listenPort();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (controller != null) {
            controller.shutdown();
        }
    }

    private RemotingCommand registerBroker(String namesrv) throws Exception {
        RegisterBrokerBody body = new RegisterBrokerBody(new TopicConfigSerializeWrapper(
            Map.of("T1", new TopicConfig("T1", 4, 4, 6)), new DataVersion(5, 1)), List.of());
        RemotingCommand req = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER,
            new RegisterBrokerRequestHeader("broker-a", BROKER_ADDR, "DefaultCluster", "127.0.0.1:10912", 0L, true, 0));
        req.setBody(body.encode(true));
        return client.invokeSync(namesrv, req, 3000);
    }

    @Test
    void registerThenQueryOverTheWireAndDropOnDisconnect() throws Exception {
        String namesrv = start(10_000);
        assertEquals(ResponseCode.SUCCESS.code(), registerBroker(namesrv).getCode());

        RemotingCommand route = client.invokeSync(namesrv, RemotingCommand.createRequestCommand(
            RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("T1", null)), 3000);
        assertEquals(ResponseCode.SUCCESS.code(), route.getCode());
        assertEquals(407, route.getVersion());
        TopicRouteData data = RemotingSerializable.decode(route.getBody(), TopicRouteData.class);
        assertEquals(BROKER_ADDR, data.getBrokerDatas().get(0).getBrokerAddrs().get(0L));

        RemotingCommand cluster = client.invokeSync(namesrv,
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null), 3000);
        assertEquals(Set.of("broker-a"), RemotingSerializable.decode(cluster.getBody(), ClusterInfo.class)
            .getClusterAddrTable().get("DefaultCluster"));
        RemotingCommand topics = client.invokeSync(namesrv,
            RemotingCommand.createRequestCommand(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null), 3000);
        assertEquals(Set.of("T1"), RemotingSerializable.decode(topics.getBody(), TopicList.class).getTopicList());

        RemotingCommand unknown = client.invokeSync(namesrv, RemotingCommand.createRequestCommand(9999, null), 3000);
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), unknown.getCode());

        client.closeChannels(List.of(namesrv));
        await().atMost(Duration.ofSeconds(10)).until(() -> controller.routes().pickupTopicRouteData("T1") == null);
    }

    @Test
    void silentBrokerIsDroppedByTheScanner() throws Exception {
        String namesrv = start(20);
        registerBroker(namesrv);
        assertNotNull(controller.routes().pickupTopicRouteData("T1"));
        clock.addAndGet(120_001);
        await().atMost(Duration.ofSeconds(10)).until(() -> controller.routes().pickupTopicRouteData("T1") == null);
        assertNull(controller.routes().brokerLiveInfo(BROKER_ADDR));
        assertTrue(controller.routes().getAllClusterInfo().getBrokerAddrTable().isEmpty());
    }
}
