package org.mercurymq.test.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mercurymq.test.harness.MemoryCgroup;

/**
 * Reads the broker cgroup's memory every half second and keeps the peaks of its charged memory and page
 * cache. When no send has completed for {@code stallMillis}, it saves one {@code jcmd PID Thread.print} of
 * the broker to {@code dumpFile} so a stall can be explained (docs/reliability.md, "Backlog larger than the
 * page cache"). {@link #start()} / {@link #shutdown()}.
 */
final class CgroupSampler {
    private final MemoryCgroup cgroup;
    private final long brokerPid;
    private final LongSupplier lastSendMillis;
    private final long stallMillis;
    private final Path dumpFile;
    private final ScheduledExecutorService scheduler;
    private volatile long peakCurrent;
    private volatile long peakFile;
    private volatile MemoryCgroup.Usage last;
    private volatile boolean dumped;

    CgroupSampler(MemoryCgroup cgroup, long brokerPid, LongSupplier lastSendMillis, long stallMillis, Path dumpFile) {
        this.cgroup = cgroup;
        this.brokerPid = brokerPid;
        this.lastSendMillis = lastSendMillis;
        this.stallMillis = stallMillis;
        this.dumpFile = dumpFile;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cgroup-sampler");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                System.err.println("cgroup-sampler: " + e);
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    void shutdown() throws InterruptedException {
        scheduler.shutdown();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void sample() {
        MemoryCgroup.Usage u = cgroup.usage();
        last = u;
        peakCurrent = Math.max(peakCurrent, u.current);
        peakFile = Math.max(peakFile, u.file);
        long lastSend = lastSendMillis.getAsLong();
        if (!dumped && lastSend > 0 && System.currentTimeMillis() - lastSend > stallMillis) {
            dumped = true;
            threadDump();
        }
    }

    private void threadDump() {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(brokerPid), "Thread.print")
                .redirectErrorStream(true).redirectOutput(dumpFile.toFile()).start();
            p.waitFor(60, TimeUnit.SECONDS);
            System.out.println("producers stalled for " + stallMillis + " ms; broker thread dump in " + dumpFile);
        } catch (IOException e) {
            System.err.println("jcmd failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long peakCurrent() {
        return peakCurrent;
    }

    long peakFile() {
        return peakFile;
    }

    MemoryCgroup.Usage last() {
        return last;
    }

    boolean dumped() {
        return dumped;
    }
}
