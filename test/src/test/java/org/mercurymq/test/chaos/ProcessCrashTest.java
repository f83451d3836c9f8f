package org.mercurymq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.BrokerProcess;

/**
 * Process crash (docs/reliability.md, "Process crash"): two broker groups, {@code crash-async} with
 * ASYNC_FLUSH and {@code crash-sync} with SYNC_FLUSH, under a mixed load (sync, async, batch, ordered
 * sends; a concurrent and an orderly consumer group). Every cycle kills both masters with {@code kill -9},
 * restarts them on the same store and ports, and waits until each has acknowledged new sends again. The
 * page cache survives a process crash, so neither flush mode may lose an acknowledged message; duplicates
 * are counted; the orderly group sees each sharding key in send order.
 */
@Tag("serial")
class ProcessCrashTest {
    static final String ASYNC_GROUP = "crash-async";
    static final String SYNC_GROUP = "crash-sync";
    private static final String TOPIC = "ChaosCrash";
    private static final String ORDERED_TOPIC = "ChaosCrashOrdered";
    private static final String CONCURRENT = "chaos-crash-cc";
    private static final String ORDERLY = "chaos-crash-oc";

    @TempDir
    Path dir;

    @Test
    void smokeTwentyCrashCyclesLoseNothing() throws Exception {
        run("process-crash-smoke", 20, 10);
    }

    /**
     * {@code -Dchaos.crash.cycles=N} (default 1000); {@code -Dchaos.crash.progress=N} acks per broker per cycle;
     * {@code -Dchaos.crash.minutes=M} stops starting new cycles after M minutes (0 = no limit) and still runs
     * every check on the cycles done, which the report states.
     */
    @Test
    @Tag("chaos")
    void crashCyclesUnderLoadLoseNothing() throws Exception {
        run("process-crash", Integer.getInteger("chaos.crash.cycles", 1000),
            Integer.getInteger("chaos.crash.progress", 50), Integer.getInteger("chaos.crash.minutes", 0));
    }

    private void run(String runName, int cycles, int progressPerCycle) throws Exception {
        run(runName, cycles, progressPerCycle, 0);
    }

    private void run(String runName, int cycles, int progressPerCycle, int minutes) throws Exception {
        History history = new History(Clock.systemUTC());
        Nemesis nemesis = new Nemesis(history);
        long begin = System.currentTimeMillis();
        long deadline = minutes > 0 ? begin + minutes * 60_000L : Long.MAX_VALUE;
        try (ChaosCluster cluster = ChaosCluster.builder(dir)
            .brokerGroup(ASYNC_GROUP, 0)
            .brokerGroup(SYNC_GROUP, 0)
            .nodeConfig(ASYNC_GROUP + "-master", "flushDiskType=ASYNC_FLUSH")
            .nodeConfig(SYNC_GROUP + "-master", "flushDiskType=SYNC_FLUSH")
            .start()) {
            String ns = cluster.namesrvAddr();
            Topics.create(ns, TOPIC, 4, cluster.masters());
            // ordered sends stay on one group so a sharding key keeps its queue (ProducerWorkload#orderedTopic)
            Topics.create(ns, ORDERED_TOPIC, 4, Arrays.asList(cluster.master(ASYNC_GROUP)));
            ConsumerWorkload concurrent = ConsumerWorkload.concurrent(ns, CONCURRENT, 2, history, TOPIC, ORDERED_TOPIC);
            ConsumerWorkload orderly = ConsumerWorkload.orderly(ns, ORDERLY, 1, history, TOPIC, ORDERED_TOPIC);
            ProducerWorkload producers = ProducerWorkload.builder(ns, TOPIC)
                .orderedTopic(ORDERED_TOPIC)
                .threads(SendMode.SYNC, 2).threads(SendMode.ASYNC, 1).threads(SendMode.BATCH, 1)
                .threads(SendMode.ORDERED, 1)
                .ratePerThread(50).batchSize(4).shardsPerThread(4).sendTimeoutMillis(3000)
                .build(history);
            concurrent.start();
            orderly.start();
            producers.start();
            List<BrokerProcess> masters = cluster.masters();
            List<String> brokers = cluster.brokerNames();
            int done = 0;
            try {
                Progress.awaitAcks(history, brokers, progressPerCycle, Duration.ofSeconds(120));
                for (; done < cycles && System.currentTimeMillis() < deadline; done++) {
                    masters.forEach(nemesis::kill9);
                    CompletableFuture<?>[] restarts = masters.stream()
                        .map(m -> CompletableFuture.runAsync(() -> nemesis.restart(m)))
                        .toArray(CompletableFuture[]::new);
                    CompletableFuture.allOf(restarts).join();
                    Progress.awaitAcks(history, brokers, progressPerCycle, Duration.ofSeconds(120));
                    if ((done + 1) % 25 == 0) {
                        Progress.note(runName, (done + 1) + " cycles, " + history.countSends(SendOutcome.OK) + " acked");
                    }
                }
            } finally {
                producers.shutdown();
            }
            List<String> groups = Arrays.asList(CONCURRENT, ORDERLY);
            boolean drained = Drain.awaitDelivered(history, groups, Duration.ofSeconds(120));
            concurrent.shutdown();
            orderly.shutdown();

            LostChecker.Result lost = LostChecker.check(history, groups);
            ChaosReport report = ChaosReport.builder(runName, "kill -9 both masters; ASYNC_FLUSH + SYNC_FLUSH", groups)
                .orderly(ORDERLY)
                .faultKind(Nemesis.KILL9)
                .cycles(done)
                .extra("timeBoxedAfterMinutes", done < cycles ? minutes : 0)
                .extra("lostAsync", lost.lostOn(history, ASYNC_GROUP))
                .extra("lostSync", lost.lostOn(history, SYNC_GROUP))
                .extra("ackedAsync", history.okCount(ASYNC_GROUP))
                .extra("ackedSync", history.okCount(SYNC_GROUP))
                .extra("restartMs", RecoveryChecker.downtime(history, Nemesis.KILL9))
                .durationSeconds((System.currentTimeMillis() - begin) / 1000)
                .build(history)
                .publish();
            if (report.lost.lost() > 0 || report.orderViolations() > 0 || !drained) {
                Path file = ChaosReport.targetDir().resolve("chaos-histories").resolve(runName + ".txt");
                history.dump(file);
                System.out.println("history dumped to " + file);
            }
            if (done < cycles) {
                assertTrue(minutes > 0 && System.currentTimeMillis() >= deadline, "stopped after " + done + " cycles");
            }
            assertTrue(history.okCount(ASYNC_GROUP) > 0 && history.okCount(SYNC_GROUP) > 0, report.line());
            assertEquals(0, report.lost.lost(),
                report.lost + (drained ? "" : " (drain timed out)") + LossForensics.explain(history, report.lost));
            assertEquals(0, report.orderViolations(), report.order.toString());
        }
    }
}
