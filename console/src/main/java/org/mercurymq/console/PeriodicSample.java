package org.mercurymq.console;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sampling task at once and then every {@code period} on a named daemon thread. A failed sample (the cluster
 * did not answer) is one WARN line and the next one tries again; an Error stops the thread, logged. start() once.
 */
final class PeriodicSample {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicSample.class);

    /** One sample. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    private final String threadName;
    private final String what;
    private final Duration period;
    private final Task task;
    private ScheduledExecutorService executor;

    PeriodicSample(String threadName, String what, Duration period, Task task) {
        this.threadName = threadName;
        this.what = what;
        this.period = period;
        this.task = task;
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::runQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void shutdown() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runQuietly() {
        try {
            task.run();
        } catch (Exception e) {
            // the NameServer did not answer: no point this time, the next sample tries again
            LOG.warn("{} sample failed: {}", what, e.toString());
        } catch (Throwable e) {
            LOG.error("{} sampler stopped by {}", what, e.toString(), e);
            throw e;
        }
    }
}
