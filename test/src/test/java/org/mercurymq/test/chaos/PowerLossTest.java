package org.mercurymq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.BrokerProcess;

/**
 * Power loss (docs/reliability.md, "Power loss"): each master's store lives on its own loop-mounted ext4
 * image ({@link PowerCutDisk}); a cycle kills the masters and cuts the power of their disks, dropping every
 * page not yet on the device, then restarts them. The smoke variant runs the SYNC_FLUSH group only. After the run a fresh audit group reads every queue from
 * the first offset: that is what the stores still hold. SYNC_FLUSH acknowledges only forced messages, so it
 * loses none; ASYNC_FLUSH may lose what was acknowledged but not yet forced, and the test measures how much
 * and how old (ack to power cut) the oldest such message was.
 */
@Tag("serial")
class PowerLossTest {
    private static final String ASYNC_GROUP = "power-async";
    private static final String SYNC_GROUP = "power-sync";
    private static final String TOPIC = "ChaosPower";
    private static final String CONCURRENT = "chaos-power-cc";
    private static final String AUDIT = "chaos-power-audit";

    @TempDir
    Path dir;

    /** SYNC_FLUSH only, two cuts: the default suite's budget. */
    @Test
    void smokeSyncFlushSurvivesPowerCuts() throws Exception {
        run("power-loss-smoke", 2, 20, SYNC_GROUP);
    }

    /** Both flush modes; {@code -Dchaos.power.cycles=N} (default 50). */
    @Test
    @Tag("chaos")
    void powerCutsUnderLoad() throws Exception {
        run("power-loss", Integer.getInteger("chaos.power.cycles", 50), 50, ASYNC_GROUP, SYNC_GROUP);
    }

    private void run(String runName, int cycles, int progressPerCycle, String... brokerGroups) throws Exception {
        String reason = PowerCutDisk.unavailableReason(dir);
        if (reason != null) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + reason);
        }
        assumeTrue(reason == null, reason);
        History history = new History(Clock.systemUTC());
        Nemesis nemesis = new Nemesis(history);
        long begin = System.currentTimeMillis();
        Map<String, PowerCutDisk> disks = new HashMap<>();
        try {
            ChaosCluster.Builder shape = ChaosCluster.builder(dir);
            for (String g : brokerGroups) {
                PowerCutDisk disk = PowerCutDisk.create(dir.resolve(g + "-disk"), 512);
                disks.put(g, disk);
                shape.brokerGroup(g, 0).nodeConfig(g + "-master",
                    "flushDiskType=" + (g.equals(SYNC_GROUP) ? "SYNC_FLUSH" : "ASYNC_FLUSH"),
                    "storePathRootDir=" + disk.mountPoint().resolve("store"));
            }
            try (ChaosCluster cluster = shape.start()) {
                String ns = cluster.namesrvAddr();
                Topics.create(ns, TOPIC, 4, cluster.masters());
                ConsumerWorkload consumers = ConsumerWorkload.concurrent(ns, CONCURRENT, 1, history, TOPIC);
                ProducerWorkload producers = ProducerWorkload.builder(ns, TOPIC)
                    .threads(SendMode.SYNC, 2).threads(SendMode.ASYNC, 1).threads(SendMode.BATCH, 1)
                    .ratePerThread(50).batchSize(4).sendTimeoutMillis(3000)
                    .build(history);
                consumers.start();
                producers.start();
                List<BrokerProcess> masters = cluster.masters();
                List<String> brokers = cluster.brokerNames();
                int done = 0;
                try {
                    Progress.awaitAcks(history, brokers, progressPerCycle, Duration.ofSeconds(120));
                    for (; done < cycles; done++) {
                        for (BrokerProcess m : masters) {
                            nemesis.powerCut(m, disks.get(m.brokerName()));
                        }
                        CompletableFuture.allOf(masters.stream()
                            .map(m -> CompletableFuture.runAsync(() -> nemesis.restart(m)))
                            .toArray(CompletableFuture[]::new)).join();
                        Progress.awaitAcks(history, brokers, progressPerCycle, Duration.ofSeconds(120));
                    }
                } finally {
                    producers.shutdown();
                }
                // the live group drains what it can; the audit group then reads the stores from the start
                Drain.awaitDelivered(history, Arrays.asList(CONCURRENT), Duration.ofSeconds(60));
                consumers.shutdown();
                ConsumerWorkload audit = ConsumerWorkload.concurrent(ns, AUDIT, 1, history, TOPIC);
                audit.start();
                Drain.awaitDelivered(history, Arrays.asList(AUDIT), Duration.ofSeconds(90));
                audit.shutdown();

                LostChecker.Result inStore = LostChecker.check(history, Arrays.asList(AUDIT));
                long lostSync = inStore.lostOn(history, SYNC_GROUP);
                long lostAsync = inStore.lostOn(history, ASYNC_GROUP);
                long phantomSync = phantoms(history, SYNC_GROUP);
                ChaosReport report = ChaosReport.builder(runName, "power cut of " + String.join(" + ", brokerGroups),
                        Arrays.asList(CONCURRENT))
                    .faultKind(Nemesis.POWER_CUT)
                    .cycles(done)
                    .extra("lostSync", lostSync)
                    .extra("lostAsync", lostAsync)
                    .extra("phantomSync", phantomSync)
                    .extra("phantomAsync", phantoms(history, ASYNC_GROUP))
                    .extra("ackedSync", history.okCount(SYNC_GROUP))
                    .extra("ackedAsync", history.okCount(ASYNC_GROUP))
                    .extra("asyncLossAgeMaxMs", lossAge(history, inStore.lostKeys(), ASYNC_GROUP))
                    .extra("asyncLossMaxPerCut", maxPerCut(history, inStore.lostKeys(), ASYNC_GROUP))
                    .extra("fsckModified", disks.values().stream().mapToInt(PowerCutDisk::repairedCuts).sum())
                    .durationSeconds((System.currentTimeMillis() - begin) / 1000)
                    .build(history)
                    .publish();
                if (lostSync > 0 || lostAsync > 0 || phantomSync > 0) {
                    Path file = ChaosReport.targetDir().resolve("chaos-histories").resolve(runName + ".txt");
                    history.dump(file);
                    System.out.println("history dumped to " + file);
                }
                assertEquals(cycles, done);
                assertTrue(history.okCount(SYNC_GROUP) > 0, report.line());
                assertEquals(0, lostSync, "SYNC_FLUSH lost acknowledged messages at a power cut: " + inStore);
                assertEquals(0, phantomSync, "SYNC_FLUSH delivered messages that a power cut then took away");
            }
        } finally {
            disks.values().forEach(PowerCutDisk::close);
        }
    }

    /**
     * Messages of broker group {@code group} that the live group received but the audit no longer finds: a
     * consumer saw them, then a power cut took them away. SYNC_FLUSH dispatches only forced data (docs/reliability.md,
     * "SYNC_FLUSH visibility"), so there it must be 0 whatever the send's outcome was.
     */
    private static long phantoms(History history, String group) {
        Set<String> audited = new HashSet<>();
        for (DeliveryRecord d : history.deliveries()) {
            if (AUDIT.equals(d.consumerGroup)) {
                audited.add(d.key);
            }
        }
        return history.deliveries().stream()
            .filter(d -> CONCURRENT.equals(d.consumerGroup) && d.queue.startsWith(group + ":") && !audited.contains(d.key))
            .map(d -> d.key)
            .distinct()
            .count();
    }

    /** Power-cut times of the node of broker group {@code group}. */
    private static List<Long> cuts(History history, String group) {
        List<Long> t = new ArrayList<>();
        for (FaultEvent f : history.faults()) {
            if (f.injected && f.kind.equals(Nemesis.POWER_CUT) && f.node.startsWith(group)) {
                t.add(f.timeMillis);
            }
        }
        return t;
    }

    /** Longest time from a lost message's ack to the power cut that lost it: the measured loss window. */
    private static long lossAge(History history, Set<String> lost, String group) {
        List<Long> cuts = cuts(history, group);
        long max = 0;
        for (SendRecord s : history.sends()) {
            if (s.outcome == SendOutcome.OK && group.equals(s.brokerName) && lost.contains(s.key)) {
                for (long c : cuts) {
                    if (c >= s.endMillis) {
                        max = Math.max(max, c - s.endMillis);
                        break;
                    }
                }
            }
        }
        return max;
    }

    /** Most acknowledged messages one power cut of {@code group} lost. */
    private static long maxPerCut(History history, Set<String> lost, String group) {
        List<Long> cuts = cuts(history, group);
        long[] perCut = new long[cuts.size() + 1];
        for (SendRecord s : history.sends()) {
            if (s.outcome == SendOutcome.OK && group.equals(s.brokerName) && lost.contains(s.key)) {
                int i = 0;
                while (i < cuts.size() && cuts.get(i) < s.endMillis) {
                    i++;
                }
                perCut[i]++;
            }
        }
        return Arrays.stream(perCut).max().orElse(0);
    }
}
