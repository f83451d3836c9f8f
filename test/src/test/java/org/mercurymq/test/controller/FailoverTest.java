package org.mercurymq.test.controller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.controller.SyncStateSetBody;
import org.mercurymq.test.chaos.ChaosReport;
import org.mercurymq.test.chaos.ConsumerWorkload;
import org.mercurymq.test.chaos.Drain;
import org.mercurymq.test.chaos.History;
import org.mercurymq.test.chaos.LossForensics;
import org.mercurymq.test.chaos.Nemesis;
import org.mercurymq.test.chaos.ProducerWorkload;
import org.mercurymq.test.chaos.Progress;
import org.mercurymq.test.chaos.SendMode;
import org.mercurymq.test.chaos.SendOutcome;
import org.mercurymq.test.chaos.SendRecord;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.FreePort;
import org.mercurymq.test.harness.LaunchOptions;
import org.mercurymq.test.harness.NamesrvProcess;

/**
 * Automatic failover (docs/controller.md): a name server with an embedded controller and one broker group of two
 * replicas in controller mode with {@code allAckInSyncStateSet=true}, under load from the official 4.9.7 producer
 * and consumers. kill -9 of the master: the in-sync slave is elected and takes writes; the old master restarted
 * rejoins as a slave (cutting what it had that was never acknowledged), catches up and is in sync again; then the
 * new master is killed and the group fails back. Every SEND_OK message is consumed afterwards.
 */
@Tag("serial")
class FailoverTest {
    private static final String GROUP = "failover-a";
    private static final String TOPIC = "FailoverTopic";
    private static final String CONSUMERS = "failover-cc";

    @TempDir
    Path dir;
    private final List<AutoCloseable> closeLast = new ArrayList<>();
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private NamesrvProcess namesrv;
    private ControllerWire wire;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeLast) {
            c.close();
        }
        brokers.forEach(BrokerProcess::close);
        if (namesrv != null) {
            namesrv.close();
        }
        if (wire != null) {
            wire.close();
        }
    }

    @Test
    void theInSyncSlaveTakesOverAndTheOldMasterRejoinsWithoutLosingAnAcknowledgedMessage() throws Exception {
        namesrv = NamesrvProcess.start(dir.resolve("namesrv"), "enableControllerInNamesrv=true",
            "controllerRatisPeers=n0-127.0.0.1:" + FreePort.next(), "controllerRatisSelfId=n0",
            "controllerStorePath=" + dir.resolve("namesrv").resolve("ratis"), "scanNotActiveBrokerInterval=500",
            "brokerLivenessGracePeriod=0");
        String ns = namesrv.address();
        wire = new ControllerWire();
        String[] conf = {"enableControllerMode=true", "controllerAddr=" + ns, "allAckInSyncStateSet=true",
            "controllerHeartBeatTimeoutMills=3000", "brokerHeartbeatInterval=500", "syncBrokerMetadataPeriod=500",
            "haMaxTimeSlaveNotCatchup=5000", "slaveTimeout=3000"};
        brokers.add(BrokerProcess.start("replica-1", dir.resolve("replica-1"), ns, GROUP, LaunchOptions.local(), conf));
        brokers.add(BrokerProcess.start("replica-2", dir.resolve("replica-2"), ns, GROUP, LaunchOptions.local(), conf));
        BrokerProcess first = awaitInSyncMaster(null, 1);
        BrokerProcess second = other(first);

        createTopic(ns, first);
        await("the slave copied the topic").atMost(Duration.ofSeconds(60)).until(() -> topicKnownTo(second));

        History history = new History(java.time.Clock.systemUTC());
        Nemesis nemesis = new Nemesis(history);
        long begin = System.currentTimeMillis();
        ConsumerWorkload consumers = ConsumerWorkload.concurrent(ns, CONSUMERS, 1, history, TOPIC);
        ProducerWorkload producers = ProducerWorkload.builder(ns, TOPIC)
            .threads(SendMode.SYNC, 2).threads(SendMode.ASYNC, 1)
            .ratePerThread(50).sendTimeoutMillis(3000)
            .build(history);
        closeLast.add(consumers::shutdown);
        closeLast.add(producers::shutdown);
        consumers.start();
        producers.start();
        List<String> groups = List.of(GROUP);
        List<Long> failoverMillis = new ArrayList<>();
        Progress.awaitAcks(history, groups, 100, Duration.ofSeconds(60));

        // 1. the master dies: the in-sync slave is elected and takes writes
        long killed = System.currentTimeMillis();
        nemesis.kill9(first);
        failoverMillis.add(awaitWritesAfter(history, killed));
        BrokerProcess newMaster = awaitInSyncMaster(first, 1);
        assertEquals(second, newMaster, "the in-sync slave is the new master");

        // 2. the old master comes back as a slave, cuts its unacknowledged tail, catches up, and is in sync again
        nemesis.restart(first);
        awaitInSyncMaster(null, 2);
        awaitLog(first, "is SLAVE of " + second.address());
        Progress.awaitAcks(history, groups, 100, Duration.ofSeconds(60));

        // 3. the new master dies: the group fails back
        killed = System.currentTimeMillis();
        nemesis.kill9(second);
        failoverMillis.add(awaitWritesAfter(history, killed));
        assertEquals(first, awaitInSyncMaster(second, 1), "fail-back to the first replica");
        awaitLog(first, "is MASTER of epoch 3");
        nemesis.restart(second);
        awaitInSyncMaster(null, 2);
        Progress.awaitAcks(history, groups, 50, Duration.ofSeconds(60));
        producers.shutdown();

        boolean drained = Drain.awaitDelivered(history, List.of(CONSUMERS), Duration.ofSeconds(120));
        consumers.shutdown();
        ChaosReport report = ChaosReport.builder("failover-smoke",
                "kill -9 the master of a 2-replica group in controller mode, allAckInSyncStateSet=true, then the new one",
                List.of(CONSUMERS))
            .faultKind(Nemesis.KILL9)
            .cycles(2)
            .extra("failoverMs", failoverMillis)
            .durationSeconds((System.currentTimeMillis() - begin) / 1000)
            .build(history)
            .publish();
        for (BrokerProcess b : brokers) {
            logLines(b, "ROLE SWITCH", "replica truncated").forEach(l -> System.out.println(b.name() + ": " + l));
        }
        System.out.println("failover: kill -9 of the master to the first SEND_OK from the new master took "
            + failoverMillis + " ms");
        assertTrue(history.countSends(SendOutcome.OK) > 300, report.line());
        assertEquals(0, report.lost.lost(), report.lost + (drained ? "" : " (drain timed out)")
            + LossForensics.explain(history, report.lost));
    }

    /** The first SEND_OK of a send started after {@code killedAt}: how long writes were unavailable. */
    private static long awaitWritesAfter(History history, long killedAt) {
        long[] firstOk = {-1};
        await("a send started after the kill is acknowledged").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100)).until(() -> {
                for (SendRecord r : history.sends()) {
                    if (r.outcome == SendOutcome.OK && r.startMillis >= killedAt) {
                        firstOk[0] = firstOk[0] < 0 ? r.endMillis : Math.min(firstOk[0], r.endMillis);
                    }
                }
                return firstOk[0] > 0;
            });
        return firstOk[0] - killedAt;
    }

    /**
     * Waits until the controller names a live master other than {@code notThis} whose SyncStateSet has both replicas
     * (or at least {@code minInSync}), and returns it.
     */
    private BrokerProcess awaitInSyncMaster(BrokerProcess notThis, int minInSync) {
        BrokerProcess[] master = new BrokerProcess[1];
        await("a master with " + minInSync + " in-sync replicas").atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200)).until(() -> {
                RemotingCommand r = wire.replicaInfo(namesrv.address(), GROUP);
                if (r == null || r.getCode() != 0 || r.getExtFields() == null) {
                    return false;
                }
                String addr = r.getExtFields().get("masterAddress");
                SyncStateSetBody set = SyncStateSetBody.decode(r.getBody());
                for (BrokerProcess b : brokers) {
                    if (b.address().equals(addr) && b != notThis && b.isAlive() && set.getSyncStateSet().size() >= minInSync) {
                        master[0] = b;
                        return true;
                    }
                }
                return false;
            });
        return master[0];
    }

    private void awaitLog(BrokerProcess broker, String needle) {
        await(broker.name() + " logs '" + needle + "'").atMost(Duration.ofSeconds(10))
            .until(() -> !logLines(broker, needle).isEmpty());
    }

    /** The lines of the broker's log files (under its directory) that contain one of {@code needles}. */
    private List<String> logLines(BrokerProcess broker, String... needles) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir.resolve(broker.name()))) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                for (String line : java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    for (String n : needles) {
                        if (line.contains(n)) {
                            out.add(line);
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    private BrokerProcess other(BrokerProcess b) {
        return brokers.get(0) == b ? brokers.get(1) : brokers.get(0);
    }

    private static void createTopic(String ns, BrokerProcess master) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(10_000);
        admin.setNamesrvAddr(ns);
        admin.setInstanceName("failover-admin-" + System.nanoTime());
        admin.start();
        try {
            await("route of " + TOPIC).atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin.createAndUpdateTopicConfig(master.address(), new TopicConfig(TOPIC, 4, 4, 6));
                return !admin.examineTopicRouteInfo(TOPIC).getQueueDatas().isEmpty();
            });
        } finally {
            admin.shutdown();
        }
    }

    private boolean topicKnownTo(BrokerProcess broker) {
        RemotingCommand r = wire.call(broker.address(), 21, null);
        return r != null && r.getCode() == 0 && r.getBody() != null
            && new String(r.getBody(), StandardCharsets.UTF_8).contains(TOPIC);
    }
}
