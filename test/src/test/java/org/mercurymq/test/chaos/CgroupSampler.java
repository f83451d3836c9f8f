package org.mercurymq.test.chaos;

import java.io.IOException;
import java.nio.file.Path;
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
    private final Thread thread;
    private volatile boolean stopped;
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
        this.thread = new Thread(this::loop, "cgroup-sampler");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> System.err.println(t.getName() + " died: " + e));
    }

    void start() {
        thread.start();
    }

    void shutdown() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }

    private void loop() {
        while (!stopped) {
            MemoryCgroup.Usage u = cgroup.usage();
            last = u;
            peakCurrent = Math.max(peakCurrent, u.current);
            peakFile = Math.max(peakFile, u.file);
            long last = lastSendMillis.getAsLong();
            if (!dumped && last > 0 && System.currentTimeMillis() - last > stallMillis) {
                dumped = true;
                threadDump();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
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
