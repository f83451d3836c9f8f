package org.mercurymq.controller.liveness;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the controller's liveness scan every {@code scanNotActiveBrokerInterval} on the thread
 * {@code controller-liveness-1}. Thread-safe; start() once, shutdown() once.
 */
public final class InactiveBrokerScanner {
    private static final Logger LOG = LoggerFactory.getLogger(InactiveBrokerScanner.class);

    private final Runnable scan;
    private final long intervalMillis;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("controller-liveness", true));

    public InactiveBrokerScanner(Runnable scan, long intervalMillis) {
        this.scan = scan;
        this.intervalMillis = intervalMillis;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::scanOnce, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void scanOnce() {
        try {
            scan.run();
        } catch (RuntimeException e) {
            // one failed scan must not stop failure detection for good
            LOG.error("controller liveness scan failed", e);
        }
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }
}
