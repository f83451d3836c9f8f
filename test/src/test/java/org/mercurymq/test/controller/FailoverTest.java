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
import org.mercurymq.test.chaos.LogExcerpts;
import org.mercurymq.test.chaos.LossForensics;
import org.mercurymq.test.chaos.Nemesis;
import org.mercurymq.test.chaos.ProducerWorkload;
import org.mercurymq.test.chaos.Progress;
import org.mercurymq.test.chaos.SendMode;
import org.mercurymq.test.chaos.SendOutcome;
import org.mercurymq.test.chaos.SendRecord;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.ControllerProcess;
import org.mercurymq.test.harness.FreePort;
import org.mercurymq.test.harness.LaunchOptions;
import org.mercurymq.test.harness.NamesrvProcess;

/**
 * Automatic failover (docs/controller.md): one broker group in controller mode with {@code allAckInSyncStateSet=true}
 * under load from the official 4.9.7 producer and consumer. kill -9 of the master: an in-sync slave is elected and
 * takes writes; the old master restarted rejoins as a slave (cutting what it had that was never acknowledged),
 * catches up and is in sync again, and the next kill fails back. A master frozen with SIGSTOP past the heartbeat
 * timeout is replaced, and once resumed rejoins as a slave. Every SEND_OK message is consumed afterwards (lost 0).
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
    private List<ControllerProcess> controllers = List.of();
    private List<String> controllerAddrs = List.of();
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
        controllers.forEach(ControllerProcess::close);
        if (wire != null) {
            wire.close();
        }
    }

    /**
     * Default suite: an embedded single-peer controller, two replicas, two kills (failover and fail-back), a 10 s pause
     * ({@code -Dchaos.failover.smokePauseSeconds}).
     */
    @Test
    void theInSyncSlaveTakesOverAndTheOldMasterRejoinsWithoutLosingAnAcknowledgedMessage() throws Exception {
        namesrv = NamesrvProcess.start(dir.resolve("namesrv"), "enableControllerInNamesrv=true",
            "controllerRatisPeers=n0-127.0.0.1:" + FreePort.next(), "controllerRatisSelfId=n0",
            "controllerStorePath=" + dir.resolve("namesrv").resolve("ratis"), "scanNotActiveBrokerInterval=500",
            "brokerLivenessGracePeriod=0");
        controllerAddrs = List.of(namesrv.address());
        runExplained("failover-smoke", 2, Integer.getInteger("chaos.failover.smokeKills", 2),
            Integer.getInteger("chaos.failover.smokePauseSeconds", 10), false);
    }

    /**
     * Chaos profile: three standalone controller peers, three replicas, {@code -Dchaos.failover.kills=N} kills of the
     * master (default 20) and a 30 s pause; then a controller peer is killed (elections still work) and a second one (no
     * majority: the master keeps taking writes).
     */
    @Test
    @Tag("chaos")
    void failoverDistributionWithAControllerGroup() throws Exception {
        controllers = ControllerProcess.group(dir, 3, "scanNotActiveBrokerInterval=500", "brokerLivenessGracePeriod=0",
            "controllerRatisElectionTimeoutMin=2000", "controllerRatisElectionTimeoutMax=4000",
            "controllerRatisRequestTimeout=10000");
        namesrv = NamesrvProcess.start(dir.resolve("namesrv"));
        controllerAddrs = controllers.stream().map(ControllerProcess::address).toList();
        runExplained("failover", 3, Integer.getInteger("chaos.failover.kills", 20), 30, true);
    }

    /** On a failure, the brokers' role switches and every daemon's warnings go with it. */
    private void runExplained(String runName, int replicas, int kills, int pauseSeconds, boolean controllerFaults)
        throws Exception {
        try {
            run(runName, replicas, kills, pauseSeconds, controllerFaults);
        } catch (Exception | AssertionError e) {
            StringBuilder why = new StringBuilder();
            for (BrokerProcess b : brokers) {
                logLines(b, "ROLE SWITCH", "replica truncated", "cuts the incomplete")
                    .forEach(l -> why.append('\n').append(b.name()).append(": ").append(l));
            }
            why.append("\ndaemon warnings:").append(LogExcerpts.warnings(dir, 60));
            System.out.println(why);
            e.addSuppressed(new AssertionError("role switches and warnings:" + why));
            throw e;
        }
    }

    private void run(String runName, int replicas, int kills, int pauseSeconds, boolean controllerFaults)
        throws Exception {
        String ns = namesrv.address();
        wire = new ControllerWire();
        String[] conf = {"enableControllerMode=true", "controllerAddr=" + String.join(";", controllerAddrs),
            "allAckInSyncStateSet=true", "controllerHeartBeatTimeoutMills=3000", "brokerHeartbeatInterval=500",
            "syncBrokerMetadataPeriod=500", "haMaxTimeSlaveNotCatchup=5000", "checkSyncStateSetPeriod=2000",
            "slaveTimeout=3000"};
        for (int i = 1; i <= replicas; i++) {
            brokers.add(BrokerProcess.start("replica-" + i, dir.resolve("replica-" + i), ns, GROUP, LaunchOptions.local(),
                conf));
        }
        BrokerProcess first = awaitInSyncMaster(null, replicas);
        createTopic(ns, first);
        for (BrokerProcess b : brokers) {
            await(b.name() + " copied the topic").atMost(Duration.ofSeconds(60)).until(() -> topicKnownTo(b));
        }

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

        // kill -9 of the master: an in-sync slave is elected and takes writes; the old master restarted rejoins as a
        // slave (cutting what it had that was never acknowledged), catches up and is in sync again
        for (int i = 0; i < kills; i++) {
            failOverOnce(history, nemesis, replicas, failoverMillis);
            Progress.awaitAcks(history, groups, 50, Duration.ofSeconds(60));
            if ((i + 1) % 5 == 0) {
                Progress.note(runName, (i + 1) + " kills, failover ms " + failoverMillis);
            }
        }

        // a planned switchover with mqadmin: the controller makes an in-sync slave master while the master is alive
        switchover(history);

        // SIGSTOP of the master past the controller's heartbeat timeout: another replica is elected; once resumed
        // the old master takes no acknowledged write and rejoins as a slave
        BrokerProcess frozen = awaitInSyncMaster(null, replicas);
        long paused = System.currentTimeMillis();
        nemesis.pause(frozen);
        long pauseFailover = awaitWritesAfter(history, paused);
        BrokerProcess successor = awaitInSyncMaster(frozen, 1);
        await("the master stays frozen for " + pauseSeconds + " s").atMost(Duration.ofSeconds(pauseSeconds + 30))
            .pollInterval(Duration.ofMillis(200)).until(() -> System.currentTimeMillis() - paused >= pauseSeconds * 1000L);
        nemesis.resume(frozen);
        assertEquals(successor, awaitInSyncMaster(null, replicas), "the resumed master rejoined as a slave");
        awaitLog(frozen, "is SLAVE of " + successor.address());
        Progress.awaitAcks(history, groups, 50, Duration.ofSeconds(60));

        if (controllerFaults) {
            controllerFaults(history, nemesis, replicas, failoverMillis);
        }
        producers.shutdown();

        boolean drained = Drain.awaitDelivered(history, List.of(CONSUMERS), Duration.ofSeconds(120));
        consumers.shutdown();
        ChaosReport report = ChaosReport.builder(runName, "kill -9 of the master of a " + replicas
                + "-replica group in controller mode (allAckInSyncStateSet=true), then a " + pauseSeconds + " s SIGSTOP",
                List.of(CONSUMERS))
            .faultKind(Nemesis.KILL9)
            .cycles(kills)
            .extra("failoverMs", failoverMillis)
            .extra("failoverMedianMs", median(failoverMillis))
            .extra("pauseFailoverMs", pauseFailover)
            .durationSeconds((System.currentTimeMillis() - begin) / 1000)
            .build(history)
            .publish();
        for (BrokerProcess b : brokers) {
            logLines(b, "ROLE SWITCH", "replica truncated").forEach(l -> System.out.println(b.name() + ": " + l));
        }
        System.out.println("failover: kill -9 of the master to the first SEND_OK from the new master took "
            + failoverMillis + " ms (median " + median(failoverMillis) + "), after a SIGSTOP " + pauseFailover + " ms");
        assertTrue(history.countSends(SendOutcome.OK) > 300, report.line());
        assertEquals(0, report.lost.lost(), report.lost + (drained ? "" : " (drain timed out)")
            + LossForensics.explain(history, report.lost));
    }

    /**
     * One controller peer killed (the leader): a master kill still fails over. A second peer killed (no majority):
     * no election is possible, and the master keeps taking writes.
     */
    /**
     * kill -9 of the in-sync master, the time until writes go on, then the old master restarted: it rejoins as a slave
     * of the new one and is in sync again.
     */
    private void failOverOnce(History history, Nemesis nemesis, int replicas, List<Long> failoverMillis) {
        BrokerProcess master = awaitInSyncMaster(null, replicas);
        long killed = System.currentTimeMillis();
        nemesis.kill9(master);
        failoverMillis.add(awaitWritesAfter(history, killed));
        BrokerProcess next = awaitInSyncMaster(master, 1);
        nemesis.restart(master);
        assertEquals(next, awaitInSyncMaster(null, replicas), "the restarted replica follows the new master");
    }

    private void controllerFaults(History history, Nemesis nemesis, int replicas, List<Long> failoverMillis) {
        ControllerProcess leader = controllers.stream().filter(c -> wire.isLeader(c.address())).findFirst().orElseThrow();
        nemesis.kill9(leader);
        failOverOnce(history, nemesis, replicas, failoverMillis);
        ControllerProcess another = controllers.stream().filter(ControllerProcess::isAlive).findFirst().orElseThrow();
        nemesis.kill9(another);
        long acked = history.countSends(SendOutcome.OK);
        await("writes continue without a controller majority").atMost(Duration.ofSeconds(60))
            .until(() -> history.countSends(SendOutcome.OK) > acked + 200);
    }

    /**
     * {@code mqadmin electMaster} to an in-sync slave, checked with {@code getSyncStateSet} and {@code getBrokerEpoch}:
     * the slave becomes master of the next epoch, the old master follows it, writes go on.
     */
    private void switchover(History history) {
        String ctrl = String.join(";", controllerAddrs);
        BrokerProcess master = awaitInSyncMaster(null, brokers.size());
        RemotingCommand info = replicaInfo();
        long masterId = Long.parseLong(info.getExtFields().get("masterBrokerId"));
        int epoch = Integer.parseInt(info.getExtFields().get("masterEpoch"));
        long target = SyncStateSetBody.decode(info.getBody()).getSyncStateSet().stream()
            .filter(id -> id != masterId).findFirst().orElseThrow();
        org.mercurymq.test.tools.MqadminOutput before = org.mercurymq.test.tools.MqadminOutput.run("getSyncStateSet",
            "-n", namesrv.address(), "-a", ctrl, "-b", GROUP);
        assertTrue(before.out().contains("#MasterBrokerId\t" + masterId), before.toString());
        org.mercurymq.test.tools.MqadminOutput elect = org.mercurymq.test.tools.MqadminOutput.run("electMaster",
            "-n", namesrv.address(), "-a", ctrl, "-c", "MercuryCluster", "-b", GROUP, "-i", Long.toString(target));
        assertEquals(0, elect.exitCode(), elect.toString());
        assertTrue(elect.out().contains("#MasterBrokerId\t" + target) && elect.out().contains("#MasterEpoch\t"
            + (epoch + 1)), elect.toString());
        BrokerProcess next = awaitInSyncMaster(master, 1);
        assertEquals(next, awaitInSyncMaster(null, brokers.size()), "the old master follows the new one");
        Progress.awaitAcks(history, List.of(GROUP), 50, Duration.ofSeconds(60));
        org.mercurymq.test.tools.MqadminOutput epochs = org.mercurymq.test.tools.MqadminOutput.run("getBrokerEpoch",
            "-n", namesrv.address(), "-b", next.address());
        assertTrue(epochs.out().contains("#Epoch: " + (epoch + 1) + "\t"), epochs.toString());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    /**
     * How long writes were unavailable: from {@code killedAt} to the first SEND_OK of a send started at least 50 ms
     * later (a send that reached the master in the few milliseconds before the signal took effect is not a failover).
     */
    private static long awaitWritesAfter(History history, long killedAt) {
        return firstOkOfSendsStartedAfter(history, killedAt + 50) - killedAt;
    }

    private static long firstOkOfSendsStartedAfter(History history, long killedAt) {
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
        return firstOk[0];
    }

    /**
     * Waits until the controller names a live master other than {@code notThis} whose SyncStateSet has both replicas
     * (or at least {@code minInSync}), and returns it.
     */
    private BrokerProcess awaitInSyncMaster(BrokerProcess notThis, int minInSync) {
        BrokerProcess[] master = new BrokerProcess[1];
        await("a master with " + minInSync + " in-sync replicas").atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200)).until(() -> {
                RemotingCommand r = replicaInfo();
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

    /** The group as the controller leader (any peer that answers) describes it. */
    private RemotingCommand replicaInfo() {
        for (String c : controllerAddrs) {
            RemotingCommand r = wire.replicaInfo(c, GROUP);
            if (r != null && r.getCode() == 0) {
                return r;
            }
        }
        return null;
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
