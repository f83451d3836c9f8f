package org.mercurymq.test.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.LaunchOptions;
import org.mercurymq.test.harness.MemoryCgroup;

/**
 * Load, second half (docs/reliability.md, "Backlog larger than the page cache"): the broker runs in a memory
 * cgroup whose limit (heap plus page cache) is several times smaller than a backlog of 4 KiB messages in one
 * topic. A "live" group keeps up the whole time; a "slow" group starts only once the backlog is complete and
 * drains it from the first offset, from disk, while the producers keep sending at a steady rate. Asserted:
 * nothing acknowledged is lost in either group, and the producers never go {@link #STALL_MILLIS} without a
 * successful send (a liveness check, not a timing assertion). Reported: drain rate against the disk's direct
 * sequential read rate, send latency and TPS and the live group's end-to-end delay before and during the
 * drain, the cgroup's peak page cache.
 */
@Tag("serial")
class BacklogTest {
    private static final String GROUP = "backlog-a";
    private static final String TOPIC = "ChaosBacklog";
    private static final int BODY = 4096;
    /** Liveness bound: far above any send latency seen on a loaded 2-core machine. */
    private static final long STALL_MILLIS = 20_000;

    @TempDir
    Path dir;

    /** Plumbing only: a backlog the cgroup could cache; checks the cgroup, the drain and the lost check. */
    @Test
    void smokeSmallBacklogInMemoryCgroup() throws Exception {
        run("backlog-smoke", 384L << 20, 32L << 20, 100, 5);
    }

    /**
     * {@code -Dchaos.backlog.mib=N} (default 1536) of backlog, {@code -Dchaos.backlog.limit.mib=M} (default 384)
     * of cgroup memory.
     */
    @Test
    @Tag("chaos")
    void backlogLargerThanPageCache() throws Exception {
        long limit = Long.getLong("chaos.backlog.limit.mib", 384) << 20;
        long backlog = Long.getLong("chaos.backlog.mib", 1536) << 20;
        run("backlog", limit, backlog, 300, 20);
    }

    private void run(String runName, long limitBytes, long backlogBytes, int steadyPerSecond, int steadySeconds)
        throws Exception {
        String reason = MemoryCgroup.unavailableReason();
        if (reason != null) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + reason);
        }
        assumeTrue(reason == null, reason);
        long begin = System.currentTimeMillis();
        try (MemoryCgroup cgroup = MemoryCgroup.create(limitBytes)) {
            LaunchOptions inCgroup = LaunchOptions.local().withCommandPrefix(cgroup.launchPrefix()).withHeap("-Xmx128m");
            try (ChaosCluster cluster = ChaosCluster.builder(dir)
                .brokerGroup(GROUP, 0)
                .brokerConfig("flushDiskType=ASYNC_FLUSH")
                .launch(name -> name.startsWith(GROUP) ? inCgroup : LaunchOptions.local())
                .start()) {
                BrokerProcess broker = cluster.master(GROUP);
                assertTrue(cgroup.contains(broker.pid()), "broker " + broker.pid() + " in " + cgroup.dir());
                String ns = cluster.namesrvAddr();
                Topics.create(ns, TOPIC, 4, cluster.masters());
                runLoad(runName, cgroup, broker, ns, backlogBytes, steadyPerSecond, steadySeconds, begin);
            }
        }
    }

    private void runLoad(String runName, MemoryCgroup cgroup, BrokerProcess broker, String ns, long backlogBytes,
                         int steadyPerSecond, int steadySeconds, long begin) throws Exception {
        GroupTracker live = new GroupTracker(ns, "chaos-backlog-live", TOPIC);
        GroupTracker slow = new GroupTracker(ns, "chaos-backlog-slow", TOPIC);
        BacklogProducers producers = new BacklogProducers(ns, TOPIC, 16, BODY);
        CgroupSampler sampler = new CgroupSampler(cgroup, broker.pid(), producers.log()::lastMillis, STALL_MILLIS / 2,
            dir.resolve("broker-threads-at-stall.txt"));
        live.start();
        producers.start();
        sampler.start();
        long backlogMessages = backlogBytes / BODY;
        try {
            long fillStart = System.currentTimeMillis();
            await("backlog of " + backlogMessages + " messages").atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofMillis(200)).until(() -> producers.ackedCount() >= backlogMessages);
            producers.pace(steadyPerSecond);
            long fillEnd = System.currentTimeMillis();
            MemoryCgroup.Usage afterFill = cgroup.usage();
            // before the drain: steady load, the live group keeps up
            long t0 = System.currentTimeMillis();
            long acks0 = producers.ackedCount();
            await("steady load before the drain").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> producers.ackedCount() >= acks0 + (long) steadyPerSecond * steadySeconds);
            long t1 = System.currentTimeMillis();
            // the drain: the slow group reads the whole backlog from its first offset
            long backlogEnd = producers.ackedCount();
            long readBefore = storageReadBytes(broker.pid());
            slow.start();
            await("slow group drains " + backlogEnd + " messages").atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofMillis(200)).until(() -> slow.receivedCount() >= backlogEnd);
            long t2 = System.currentTimeMillis();
            long drainedBytes = slow.bytes();
            long readFromStorage = storageReadBytes(broker.pid()) - readBefore;
            producers.shutdown();
            BitSet acked = producers.acked();
            await("both groups receive every acknowledged message").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> live.missing(acked) == 0 && slow.missing(acked) == 0);
            sampler.shutdown();
            long lostLive = live.missing(acked);
            long lostSlow = slow.missing(acked);
            SendLog.Window sendBefore = producers.log().window(t0, t1);
            SendLog.Window sendDuring = producers.log().window(t1, t2);
            SendLog.Window liveBefore = live.delays().window(t0, t1);
            SendLog.Window liveDuring = live.delays().window(t1, t2);
            double drainMBps = drainedBytes / 1e6 / ((t2 - t1) / 1000.0);
            double fillMBps = backlogMessages * (double) BODY / 1e6 / ((fillEnd - fillStart) / 1000.0);
            String disk = directReadRate(broker.storeDir().resolve("commitlog"));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("config", "backlog " + (backlogBytes >> 20) + " MiB of " + BODY + " B messages, broker cgroup "
                + (cgroup.limitBytes() >> 20) + " MiB (" + (cgroup.isV2() ? "v2" : "v1") + ", -Xmx128m), steady "
                + steadyPerSecond + " sends/s during the drain");
            figures.put("fill", String.format("%d msgs in %.1f s = %.1f MB/s", backlogMessages,
                (fillEnd - fillStart) / 1000.0, fillMBps));
            figures.put("cgroupAfterFill", afterFill);
            figures.put("cgroupPeak", "current=" + (sampler.peakCurrent() >> 20) + "MiB file="
                + (sampler.peakFile() >> 20) + "MiB");
            figures.put("drain", String.format("%d MB in %.1f s = %.1f MB/s", drainedBytes / 1_000_000,
                (t2 - t1) / 1000.0, drainMBps));
            figures.put("brokerStorageReadDuringDrain", readFromStorage / 1_000_000 + " MB");
            figures.put("diskDirectRead", disk);
            figures.put("sendBefore", sendBefore);
            figures.put("sendDuring", sendDuring);
            figures.put("liveDelayBefore", liveBefore);
            figures.put("liveDelayDuring", liveDuring);
            figures.put("sendFailures", producers.failures());
            figures.put("slowRedeliveries", slow.deliveries() - slow.receivedCount());
            figures.put("lostLive/lostSlow", lostLive + "/" + lostSlow);
            figures.put("stallDump", sampler.dumped() ? dir.resolve("broker-threads-at-stall.txt") : "none");
            figures.put("duration", (System.currentTimeMillis() - begin) / 1000 + "s");
            String line = runName + " " + figures;
            System.out.println(line);
            Files.write(ChaosReport.targetDir().resolve("chaos-backlog-results.txt"),
                (Instant.now() + " " + line + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertTrue(backlogBytes < 2 * cgroup.limitBytes() || sampler.peakFile() < backlogBytes,
                "page cache bounded: " + line);
            assertEquals(0, lostLive, "acknowledged messages the live group never received; " + line);
            assertEquals(0, lostSlow, "acknowledged messages the slow group never received; " + line);
            assertTrue(sendBefore.longestGapMillis() < STALL_MILLIS, "producers stalled before the drain: "
                + line);
            assertTrue(sendDuring.longestGapMillis() < STALL_MILLIS, "producers stalled during the drain: "
                + line);
        } finally {
            producers.shutdown();
            sampler.shutdown();
            slow.shutdown();
            live.shutdown();
        }
    }

    /**
     * {@code dd iflag=direct} over the commit-log segments (up to 1 GiB): the storage's sequential read rate
     * with the guest page cache bypassed.
     */
    private static String directReadRate(Path commitLogDir) throws IOException, InterruptedException {
        List<Path> segments;
        try (Stream<Path> s = Files.list(commitLogDir)) {
            segments = s.sorted().limit(16).collect(Collectors.toList());
        }
        long bytes = 0;
        double seconds = 0;
        Pattern copied = Pattern.compile("(\\d+) bytes .*copied, ([0-9.]+) s");
        for (Path segment : segments) {
            Process dd = new ProcessBuilder("dd", "if=" + segment, "of=/dev/null", "bs=1M", "iflag=direct")
                .redirectErrorStream(true).start();
            String out = new String(dd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dd.waitFor(60, TimeUnit.SECONDS);
            Matcher m = copied.matcher(out);
            if (!m.find()) {
                return "dd failed: " + out.trim();
            }
            bytes += Long.parseLong(m.group(1));
            seconds += Double.parseDouble(m.group(2));
        }
        return String.format("%d MB in %.2f s = %.0f MB/s", bytes / 1_000_000, seconds, bytes / 1e6 / seconds);
    }

    /** {@code read_bytes} of /proc/PID/io: bytes the process caused to be fetched from the storage layer. */
    private static long storageReadBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
            if (line.startsWith("read_bytes:")) {
                return Long.parseLong(line.substring("read_bytes:".length()).trim());
            }
        }
        return -1;
    }
}
