package org.mercurymq.test.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.BrokerProcess;

/**
 * Pauses (docs/reliability.md, "Pauses"): two broker groups; {@code SIGSTOP} of group A's master past the
 * producers' send timeout and past the NameServer's broker expiry, then {@code SIGCONT}. While A is frozen its
 * connections stay open and nothing answers: sends to it time out (UNKNOWN), and once the NameServer drops A
 * the producers send to B only; after the resume A registers again and takes sends again. No acknowledged
 * message is lost; the consumers' redeliveries after the resume are counted as duplicates; the orderly group
 * (ordered topic on A) keeps each sharding key in order.
 */
@Tag("serial")
class PauseTest {
    private static final String A = "pause-a";
    private static final String B = "pause-b";
    private static final String TOPIC = "ChaosPause";
    private static final String ORDERED_TOPIC = "ChaosPauseOrdered";
    private static final String CONCURRENT = "chaos-pause-cc";
    private static final String ORDERLY = "chaos-pause-oc";

    @TempDir
    Path dir;

    /**
     * The NameServer expires a silent broker after 15 s here, and the brokers register every 10 s (the
     * minimum; with the default 30 s the healthy group would drop out of the route too);
     * {@code -Dchaos.pause.smokeCycles=N} pauses (default 1).
     */
    @Test
    void smokePausePastTimeoutsAndExpiry() throws Exception {
        run("pause-smoke", Integer.getInteger("chaos.pause.smokeCycles", 1),
            new String[] {"brokerChannelExpiredTime=15000", "scanNotActiveBrokerInterval=1000"},
            "registerNameServerPeriod=10000");
    }

    /** The NameServer's default 120 s expiry; {@code -Dchaos.pause.cycles=N} pauses (default 3). */
    @Test
    @Tag("chaos")
    void pausesPastTheDefaultExpiry() throws Exception {
        run("pause", Integer.getInteger("chaos.pause.cycles", 3), new String[0]);
    }

    private void run(String runName, int cycles, String[] namesrvConfig, String... brokerConfig) throws Exception {
        History history = new History(Clock.systemUTC());
        Nemesis nemesis = new Nemesis(history);
        long begin = System.currentTimeMillis();
        try (ChaosCluster cluster = ChaosCluster.builder(dir)
            .namesrvConfig(namesrvConfig)
            .brokerGroup(A, 0)
            .brokerGroup(B, 0)
            .brokerConfig("flushDiskType=SYNC_FLUSH")
            .brokerConfig(brokerConfig)
            .start()) {
            String ns = cluster.namesrvAddr();
            Topics.create(ns, TOPIC, 4, cluster.masters());
            Topics.create(ns, ORDERED_TOPIC, 4, Arrays.asList(cluster.master(A)));
            ConsumerWorkload concurrent = ConsumerWorkload.concurrent(ns, CONCURRENT, 2, history, TOPIC, ORDERED_TOPIC);
            ConsumerWorkload orderly = ConsumerWorkload.orderly(ns, ORDERLY, 1, history, TOPIC, ORDERED_TOPIC);
            ProducerWorkload producers = ProducerWorkload.builder(ns, TOPIC)
                .orderedTopic(ORDERED_TOPIC)
                .threads(SendMode.SYNC, 2).threads(SendMode.ASYNC, 1).threads(SendMode.BATCH, 1)
                .threads(SendMode.ORDERED, 1)
                .ratePerThread(50).sendTimeoutMillis(3000)
                .build(history);
            DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
            admin.setNamesrvAddr(ns);
            admin.setInstanceName("chaos-pause-admin");
            admin.start();
            concurrent.start();
            orderly.start();
            producers.start();
            BrokerProcess paused = cluster.master(A);
            long okToBWhileAOut = 0;
            long okToAAfterResume = 0;
            int done = 0;
            try {
                Progress.awaitAcks(history, cluster.brokerNames(), 50, Duration.ofSeconds(120));
                for (; done < cycles; done++) {
                    long unknownBefore = history.countSends(SendOutcome.UNKNOWN);
                    nemesis.pause(paused);
                    // past the send timeout: a send to the frozen broker timed out
                    await("a send times out").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> history.countSends(SendOutcome.UNKNOWN) > unknownBefore);
                    // past the NameServer's expiry: A has left the route
                    await(A + " expires from the route").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .until(() -> !routed(admin, TOPIC, A));
                    long bBefore = history.okCount(B);
                    Progress.awaitAcks(history, Arrays.asList(B), 50, Duration.ofSeconds(60));
                    okToBWhileAOut += history.okCount(B) - bBefore;
                    long aBefore = history.okCount(A);
                    nemesis.resume(paused);
                    Progress.awaitAcks(history, Arrays.asList(A), 50, Duration.ofSeconds(120));
                    okToAAfterResume += history.okCount(A) - aBefore;
                }
            } finally {
                producers.shutdown();
                admin.shutdown();
            }
            List<String> groups = Arrays.asList(CONCURRENT, ORDERLY);
            boolean drained = Drain.awaitDelivered(history, groups, Duration.ofSeconds(120));
            concurrent.shutdown();
            orderly.shutdown();
            ChaosReport report = ChaosReport.builder(runName, "SIGSTOP " + A + " master past timeout and expiry; SYNC_FLUSH"
                    + (namesrvConfig.length > 0 ? "; " + String.join(", ", namesrvConfig) : "; default 120 s expiry")
                    + (brokerConfig.length > 0 ? "; " + String.join(", ", brokerConfig) : ""),
                    groups)
                .orderly(ORDERLY)
                .faultKind(Nemesis.PAUSE)
                .cycles(done)
                .extra("pauseMs", RecoveryChecker.downtime(history, Nemesis.PAUSE))
                .extra("okToBWhileAOut", okToBWhileAOut)
                .extra("okToAAfterResume", okToAAfterResume)
                .durationSeconds((System.currentTimeMillis() - begin) / 1000)
                .build(history)
                .publish();
            if (report.lost.lost() > 0 || report.orderViolations() > 0 || !drained) {
                Path file = ChaosReport.targetDir().resolve("chaos-histories").resolve(runName + ".txt");
                history.dump(file);
                System.out.println("history dumped to " + file);
                System.out.println("daemon warnings:" + LogExcerpts.warnings(dir, 60));
                System.out.println("client warnings:" + LogExcerpts.clientWarnings(groups, 60));
            }
            assertEquals(cycles, done);
            assertTrue(okToBWhileAOut > 0 && okToAAfterResume > 0, report.line());
            assertEquals(0, report.lost.lost(),
                report.lost + (drained ? "" : " (drain timed out)") + LossForensics.explain(history, report.lost)
                    + "\ndaemon warnings:" + LogExcerpts.warnings(dir, 25)
                    + "\nclient warnings:" + LogExcerpts.clientWarnings(groups, 25));
            assertEquals(0, report.orderViolations(), report.order.toString());
        }
    }

    private static boolean routed(DefaultMQAdminExt admin, String topic, String brokerName) throws Exception {
        for (BrokerData b : admin.examineTopicRouteInfo(topic).getBrokerDatas()) {
            if (b.getBrokerName().equals(brokerName)) {
                return true;
            }
        }
        return false;
    }
}
