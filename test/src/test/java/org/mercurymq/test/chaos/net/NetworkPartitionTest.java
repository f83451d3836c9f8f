package org.mercurymq.test.chaos.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.chaos.ChaosCluster;
import org.mercurymq.test.chaos.ChaosReport;
import org.mercurymq.test.chaos.ConsumerWorkload;
import org.mercurymq.test.chaos.Drain;
import org.mercurymq.test.chaos.History;
import org.mercurymq.test.chaos.ProducerWorkload;
import org.mercurymq.test.chaos.SendMode;
import org.mercurymq.test.chaos.SendOutcome;
import org.mercurymq.test.chaos.SendRecord;
import org.mercurymq.test.chaos.Topics;
import org.mercurymq.test.harness.BrokerProcess;

/**
 * Network partitions and a degraded link (docs/reliability.md, "Network partitions"): child-JVM NameServer and
 * Brokers each in their own network namespace of a {@link NetworkLab}, the official 4.9.7 clients in the test
 * JVM on the host side, the chaos workload recording every outcome. Each run asserts that no acknowledged
 * message is lost and that the clients' sends to the cut-off broker succeed again within 30 s of healing;
 * unavailability, duplicates, latency and throughput are reported (target/chaos-results.md). The smoke runs
 * in the default suite, the long runs with {@code -Pchaos}.
 */
@Tag("serial")
class NetworkPartitionTest {
    private static final String TOPIC = "ChaosNet";
    private static final String GROUP = "chaos-net-cc";
    private static final int QUEUES = 4;
    private static final long RECOVERY_BOUND_MS = 30_000;

    @TempDir
    Path dir;

    /** Default suite: clients cut from one of two brokers for a few seconds. */
    @Test
    void smokeClientBrokerPartitionLosesNothing() throws Exception {
        clientBrokerPartition("net-client-broker-smoke", 1, Duration.ofSeconds(4));
    }

    /** Three cuts of 45 s between the clients and one of two brokers. */
    @Test
    @Tag("chaos")
    void clientBrokerPartitionsLoseNothingAndProducersComeBack() throws Exception {
        clientBrokerPartition("net-client-broker", 3, Duration.ofSeconds(45));
    }

    private void clientBrokerPartition(String run, int cycles, Duration cut) throws Exception {
        String kind = "partition-client-broker";
        History history = new History(Clock.systemUTC());
        long begin = System.currentTimeMillis();
        try (NetworkLab lab = NetworkLab.createOrSkip();
             ChaosCluster cluster = cluster(lab, "net-a", "net-b").start()) {
            NetworkNemesis nemesis = new NetworkNemesis(history, lab);
            String ns = cluster.namesrvAddr();
            Topics.create(ns, TOPIC, QUEUES, cluster.masters());
            // the client's own retries (its default, 2) move a sync send that cannot reach net-a to net-b
            Load load = Load.start(ns, history, 3000, 2);
            NetNode a = lab.node("net-a-master");
            List<Long> rejoin = new ArrayList<>();
            List<Long> failoverRuns = new ArrayList<>();
            long okOnBDuringCut = 0;
            try {
                awaitAcks(history, "net-a", 20, 0);
                awaitAcks(history, "net-b", 20, 0);
                for (int i = 0; i < cycles; i++) {
                    long bBefore = history.okCount("net-b");
                    nemesis.partition(kind, lab.host(), a);
                    long cutAt = history.now();
                    // hold the cut (pollDelay) and see its effect: a send to net-a failed, and the sync producers
                    // failed over: 20 sync sends in a row acked (without failover about every other one fails)
                    await("effect of the cut and failover").pollDelay(cut).atMost(cut.plusSeconds(60))
                        .until(() -> failedSince(history, cutAt) > 0 && history.okCount("net-b") > bBefore + 10
                            && longestOkSyncRun(history, cutAt) >= 20);
                    failoverRuns.add(longestOkSyncRun(history, cutAt));
                    okOnBDuringCut += history.okCount("net-b") - bBefore;
                    nemesis.heal(kind, lab.host(), a);
                    long healedAt = history.now();
                    rejoin.add(awaitFirstOkStartedAfter(history, "net-a", healedAt) - healedAt);
                    awaitAcks(history, "net-a", 20, healedAt);
                }
            } finally {
                load.stop();
            }
            ChaosReport report = load.report(run, "clients | net-a-master for " + cut.getSeconds() + " s; 2 groups",
                kind, cycles, begin, history, Map.of("rejoinMs", rejoin, "okOnNetBDuringCuts", okOnBDuringCut,
                    "longestSyncOkRunPerCut", failoverRuns));
            assertEquals(0, report.lost.lost(), report.lost.toString());
            assertTrue(okOnBDuringCut > 0, "producers kept acking on net-b during the cut: " + report.line());
            assertRecoveredWithinBound(rejoin, report);
        }
    }

    /**
     * The broker is cut from its only NameServer for longer than the NameServer's broker expiry (shortened to
     * 20 s with Mercury's brokerChannelExpiredTime; 120 s by default), so the route drops it and producers move
     * to the other group; after healing it registers again (registerNameServerPeriod 10 s, the minimum) and
     * takes sends again.
     */
    @Test
    @Tag("chaos")
    void brokerNamesrvPartitionDropsTheRouteAndTheBrokerRejoins() throws Exception {
        String kind = "partition-broker-namesrv";
        History history = new History(Clock.systemUTC());
        long begin = System.currentTimeMillis();
        try (NetworkLab lab = NetworkLab.createOrSkip();
             ChaosCluster cluster = cluster(lab, "net-a", "net-b")
                 .namesrvConfig("brokerChannelExpiredTime=20000", "scanNotActiveBrokerInterval=1000")
                 .brokerConfig("registerNameServerPeriod=10000")
                 .start()) {
            NetworkNemesis nemesis = new NetworkNemesis(history, lab);
            String ns = cluster.namesrvAddr();
            Topics.create(ns, TOPIC, QUEUES, cluster.masters());
            Load load = Load.start(ns, history, 3000, 0);
            NetNode a = lab.node("net-a-master");
            NetNode namesrv = lab.node("namesrv-0");
            long droppedAfter;
            long rejoinRoute;
            long rejoinSend;
            DefaultMQAdminExt admin = admin(ns);
            try {
                awaitAcks(history, "net-a", 20, 0);
                nemesis.partition(kind, a, namesrv);
                long cutAt = history.now();
                await("the NameServer drops net-a from the route").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> !routedBrokers(admin, TOPIC).contains("net-a"));
                droppedAfter = history.now() - cutAt;
                // producers follow the route: net-b takes the sends, net-a gets none started from now on
                long gone = history.now();
                await("producers leave net-a").pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(60))
                    .until(() -> okStartedAfter(history, "net-a", gone + 3000) == 0
                        && okStartedAfter(history, "net-b", gone + 3000) > 10);
                nemesis.heal(kind, a, namesrv);
                long healedAt = history.now();
                await("net-a back in the route").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> routedBrokers(admin, TOPIC).contains("net-a"));
                rejoinRoute = history.now() - healedAt;
                rejoinSend = awaitFirstOkStartedAfter(history, "net-a", healedAt) - healedAt;
                awaitAcks(history, "net-a", 20, healedAt);
            } finally {
                admin.shutdown();
                load.stop();
            }
            ChaosReport report = load.report("net-broker-namesrv", "net-a-master | namesrv-0 past the 20 s expiry",
                kind, 1, begin, history, Map.of("droppedFromRouteAfterMs", droppedAfter,
                    "backInRouteAfterHealMs", rejoinRoute, "rejoinMs", rejoinSend));
            assertEquals(0, report.lost.lost(), report.lost.toString());
            assertRecoveredWithinBound(List.of(rejoinSend), report);
        }
    }

    /**
     * SYNC_MASTER cut from its slave: a send answers FLUSH_SLAVE_TIMEOUT while the master still waits for the
     * slave, SLAVE_NOT_AVAILABLE once it gave the slave up, never SEND_OK. After healing, the master is killed
     * with -9 and the slave's store must hold every message any producer saw SEND_OK for.
     */
    @Test
    @Tag("chaos")
    void masterSlavePartitionNeverAcksWhatTheSlaveLacks() throws Exception {
        String kind = "partition-master-slave";
        History history = new History(Clock.systemUTC());
        long begin = System.currentTimeMillis();
        try (NetworkLab lab = NetworkLab.createOrSkip();
             ChaosCluster cluster = cluster(lab, "net-ha")
                 .nodeConfig("net-ha-master", "brokerRole=SYNC_MASTER")
                 .start()) {
            NetworkNemesis nemesis = new NetworkNemesis(history, lab);
            String ns = cluster.namesrvAddr();
            Topics.create(ns, TOPIC, QUEUES, cluster.masters());
            // the client waits longer than the master's syncFlushTimeout (5 s): it sees the broker's answer
            Load load = Load.start(ns, history, 10_000, 0);
            NetNode master = lab.node("net-ha-master");
            NetNode slave = lab.node("net-ha-slave-1");
            long rejoin;
            long cutAt;
            long healedAt;
            try {
                awaitAcks(history, "net-ha", 20, 0);
                nemesis.partition(kind, master, slave);
                cutAt = history.now();
                // past haHousekeepingInterval (20 s): the master drops the slave's connection
                await("SLAVE_NOT_AVAILABLE after the master gave the slave up").pollDelay(Duration.ofSeconds(30))
                    .atMost(Duration.ofSeconds(120))
                    .until(() -> statusesSince(history, cutAt).containsKey("SLAVE_NOT_AVAILABLE"));
                nemesis.heal(kind, master, slave);
                healedAt = history.now();
                rejoin = awaitFirstOkStartedAfter(history, "net-ha", healedAt) - healedAt;
                awaitAcks(history, "net-ha", 20, healedAt);
            } finally {
                load.stop();
            }
            Map<String, Long> duringCut = statusesBetween(history, cutAt + 1, healedAt);
            ChaosReport report = load.report("net-master-slave", "SYNC_MASTER | SLAVE for 30 s+", kind, 1, begin,
                history, Map.of("statusesDuringCut", duringCut, "rejoinMs", rejoin));
            assertEquals(0, report.lost.lost(), report.lost.toString());
            assertRecoveredWithinBound(List.of(rejoin), report);
            assertEquals(0L, duringCut.getOrDefault("OK", 0L),
                "no SEND_OK for a send started while the slave was cut off: " + duringCut);

            BrokerProcess masterProcess = cluster.master("net-ha");
            BrokerProcess slaveProcess = cluster.slaves("net-ha").get(0);
            masterProcess.kill9();
            slaveProcess.terminate();
            Set<String> onSlave = StoreContents.bodies(slaveProcess.storeDir(), TOPIC, QUEUES);
            List<String> missing = history.sends().stream().filter(s -> s.outcome == SendOutcome.OK)
                .map(s -> s.key).filter(k -> !onSlave.contains(k)).collect(Collectors.toList());
            System.out.println("net-master-slave: slave holds " + onSlave.size() + " messages; SEND_OK missing on it: "
                + missing.size());
            assertEquals(List.of(), missing.subList(0, Math.min(10, missing.size())),
                missing.size() + " SEND_OK messages are not on the slave");
        }
    }

    /** 20 % loss each way on the broker's link for 30 s under load (netem, or nftables without netem). */
    @Test
    @Tag("chaos")
    void twentyPercentLossOnTheBrokerLinkLosesNothing() throws Exception {
        degradedLink("net-loss-20", 20, 0);
    }

    /** 200 ms delay each way on the broker's link for 30 s under load; needs the kernel's netem. */
    @Test
    @Tag("chaos")
    void twoHundredMillisecondDelayOnTheBrokerLinkLosesNothing() throws Exception {
        degradedLink("net-delay-200", 0, 200);
    }

    /** Both at once: 20 % loss and 200 ms delay each way for 30 s; needs the kernel's netem. */
    @Test
    @Tag("chaos")
    void lossAndDelayTogetherOnTheBrokerLinkLoseNothing() throws Exception {
        degradedLink("net-loss-20-delay-200", 20, 200);
    }

    private void degradedLink(String run, int loss, int delay) throws Exception {
        String kind = "degraded-link";
        History history = new History(Clock.systemUTC());
        long begin = System.currentTimeMillis();
        try (NetworkLab lab = NetworkLab.createOrSkip()) {
            lab.impairmentUnsupported(loss, delay).ifPresent(reason -> {
                System.out.println("[netlab] skipping " + run + ": " + reason);
                Assumptions.abort(reason);
            });
            try (ChaosCluster cluster = cluster(lab, "net-slow").start()) {
                NetworkNemesis nemesis = new NetworkNemesis(history, lab);
                String ns = cluster.namesrvAddr();
                Topics.create(ns, TOPIC, QUEUES, cluster.masters());
                Load load = Load.start(ns, history, 3000, 0);
                NetNode broker = lab.node("net-slow-master");
                long rejoin;
                SendStats before;
                SendStats during;
                try {
                    awaitAcks(history, "net-slow", 20, 0);
                    long t0 = history.now();
                    await("15 s baseline under load").pollDelay(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(60))
                        .until(() -> okStartedAfter(history, "net-slow", t0) > 100);
                    nemesis.impair(kind, broker, loss, delay);
                    long t1 = history.now();
                    before = SendStats.of(history, t0, t1);
                    await("load under the degraded link").pollDelay(Duration.ofSeconds(30))
                        .atMost(Duration.ofSeconds(90))
                        .until(() -> okStartedAfter(history, "net-slow", t1) > 0);
                    nemesis.clearImpairment(kind, broker);
                    long healedAt = history.now();
                    during = SendStats.of(history, t1, healedAt);
                    rejoin = awaitFirstOkStartedAfter(history, "net-slow", healedAt) - healedAt;
                    awaitAcks(history, "net-slow", 20, healedAt);
                } finally {
                    load.stop();
                }
                ChaosReport report = load.report(run, "broker link loss " + loss + " % delay " + delay + " ms, 30 s",
                    kind, 1, begin, history, Map.of("baseline", before, "degraded", during, "rejoinMs", rejoin));
                assertEquals(0, report.lost.lost(), report.lost.toString());
                assertRecoveredWithinBound(List.of(rejoin), report);
            }
        }
    }

    // ---- shared pieces ----

    /** One NameServer and one master per named group (net-ha gets a slave), every node in its own namespace. */
    private ChaosCluster.Builder cluster(NetworkLab lab, String... groups) {
        ChaosCluster.Builder b = ChaosCluster.builder(dir).launch(name -> lab.addNode(name).launchOptions());
        for (String g : groups) {
            b.brokerGroup(g, g.equals("net-ha") ? 1 : 0);
        }
        return b;
    }

    /**
     * Producers (2 SYNC, 1 ASYNC threads at 40/s each; {@code retries} client retries of a failed sync send)
     * and one concurrent consumer, all on the host side.
     */
    private static final class Load {
        private final ProducerWorkload producers;
        private final ConsumerWorkload consumers;

        private Load(ProducerWorkload producers, ConsumerWorkload consumers) {
            this.producers = producers;
            this.consumers = consumers;
        }

        static Load start(String namesrvAddr, History history, int sendTimeoutMillis, int retries) throws Exception {
            ConsumerWorkload c = ConsumerWorkload.concurrent(namesrvAddr, GROUP, 1, history, TOPIC);
            ProducerWorkload p = ProducerWorkload.builder(namesrvAddr, TOPIC)
                .threads(SendMode.SYNC, 2).threads(SendMode.ASYNC, 1)
                .ratePerThread(40).sendTimeoutMillis(sendTimeoutMillis).retriesWhenSendFailed(retries)
                .build(history);
            c.start();
            p.start();
            return new Load(p, c);
        }

        void stop() {
            producers.shutdown();
        }

        /** Drains the consumers (up to 120 s), shuts them down and publishes the run's report. */
        ChaosReport report(String run, String config, String kind, int cycles, long begin, History history,
                           Map<String, Object> extra) {
            boolean drained = Drain.awaitDelivered(history, List.of(GROUP), Duration.ofSeconds(120));
            consumers.shutdown();
            ChaosReport.Builder b = ChaosReport.builder(run, config, List.of(GROUP)).faultKind(kind).cycles(cycles)
                .durationSeconds((System.currentTimeMillis() - begin) / 1000);
            new TreeMap<>(extra).forEach(b::extra);
            ChaosReport report = b.build(history).publish();
            if (!drained || report.lost.lost() > 0) {
                Path file = ChaosReport.targetDir().resolve("chaos-histories").resolve(run + ".txt");
                history.dump(file);
                System.out.println("history dumped to " + file);
            }
            return report;
        }
    }

    private static void assertRecoveredWithinBound(List<Long> rejoinMillis, ChaosReport report) {
        for (long r : rejoinMillis) {
            assertTrue(r <= RECOVERY_BOUND_MS, "a send to the healed broker succeeded " + r + " ms after healing, more "
                + "than " + RECOVERY_BOUND_MS + " ms: " + report.line());
        }
    }

    /** Waits until {@code brokerName} acked {@code n} sends that started at or after {@code sinceMillis}. */
    private static void awaitAcks(History history, String brokerName, int n, long sinceMillis) {
        await(brokerName + " acks " + n + " sends").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
            .until(() -> okStartedAfter(history, brokerName, sinceMillis) >= n);
    }

    /** End time of the first OK send on {@code brokerName} started at or after {@code sinceMillis}. */
    private static long awaitFirstOkStartedAfter(History history, String brokerName, long sinceMillis) {
        await(brokerName + " acks a send again").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
            .until(() -> okStartedAfter(history, brokerName, sinceMillis) > 0);
        return history.sends().stream()
            .filter(s -> s.outcome == SendOutcome.OK && brokerName.equals(s.brokerName) && s.startMillis >= sinceMillis)
            .mapToLong(s -> s.endMillis).min().orElseThrow();
    }

    private static long okStartedAfter(History history, String brokerName, long sinceMillis) {
        return history.sends().stream()
            .filter(s -> s.outcome == SendOutcome.OK && brokerName.equals(s.brokerName) && s.startMillis >= sinceMillis)
            .count();
    }

    /** Longest run of consecutive (by start) OK SYNC sends among those started at or after {@code sinceMillis}. */
    private static long longestOkSyncRun(History history, long sinceMillis) {
        List<SendRecord> sync = history.sends().stream()
            .filter(s -> s.mode == SendMode.SYNC && s.startMillis >= sinceMillis)
            .sorted(Comparator.comparingLong(s -> s.startMillis)).collect(Collectors.toList());
        long best = 0;
        long run = 0;
        for (SendRecord s : sync) {
            run = s.outcome == SendOutcome.OK ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static long failedSince(History history, long sinceMillis) {
        return history.sends().stream().filter(s -> s.outcome != SendOutcome.OK && s.endMillis >= sinceMillis).count();
    }

    private static Map<String, Long> statusesSince(History history, long sinceMillis) {
        return statusesBetween(history, sinceMillis, Long.MAX_VALUE);
    }

    /** Outcomes of sends started in [from, to): "OK", a send status such as FLUSH_SLAVE_TIMEOUT, or the error. */
    private static Map<String, Long> statusesBetween(History history, long from, long to) {
        Map<String, Long> out = new TreeMap<>();
        for (SendRecord s : history.sends()) {
            if (s.startMillis >= from && s.startMillis < to) {
                String k = s.outcome == SendOutcome.OK ? "OK" : s.detail == null ? s.outcome.name()
                    : s.detail.length() > 60 ? s.detail.substring(0, 60) : s.detail;
                out.merge(k, 1L, Long::sum);
            }
        }
        return out;
    }

    private static DefaultMQAdminExt admin(String namesrvAddr) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("chaos-net-admin-" + System.nanoTime());
        admin.start();
        return admin;
    }

    private static Set<String> routedBrokers(DefaultMQAdminExt admin, String topic) throws Exception {
        TopicRouteData route = admin.examineTopicRouteInfo(topic);
        return route.getQueueDatas().stream().map(q -> q.getBrokerName()).collect(Collectors.toSet());
    }
}
