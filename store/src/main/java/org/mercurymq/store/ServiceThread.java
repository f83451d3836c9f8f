package org.mercurymq.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one service loop every background duty of the store and the broker runs on: a named daemon thread
 * that waits {@link #intervalMillis()} (or until {@link #wakeup()}, a signal that is never lost), then calls
 * {@link #doWork(long)} with the injected clock's time, until {@link #shutdown()}; then {@link #onStop(long)}
 * does the final work. Anything thrown out of the loop, an {@link Error} included, ends the thread and is
 * handed to the {@link FaultHandler} once: a dead duty must stop the damage (the store goes read-only, or
 * the broker exits), never die silently. Thread-safe.
 */
public abstract class ServiceThread implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceThread.class);

    /** Told when a service thread died; called on the dying thread. Implementations must be thread-safe. */
    @FunctionalInterface
    public interface FaultHandler {
        void serviceDied(String serviceName, Throwable cause);
    }

    /** Logs the death only: for duties whose loss does not endanger stored data. */
    public static final FaultHandler LOG_ONLY = (name, cause) ->
        LOG.error("service thread {} died: {}", name, cause.toString(), cause);

    private final AtomicBoolean notified = new AtomicBoolean(false);
    private final AtomicBoolean started = new AtomicBoolean(false);
    private final LongSupplier clock;
    private final FaultHandler faultHandler;
    private volatile boolean stopped;
    private volatile Thread thread;
    private volatile Throwable deathCause;

    protected ServiceThread(LongSupplier clock, FaultHandler faultHandler) {
        this.clock = clock;
        this.faultHandler = faultHandler;
    }

    public abstract String getServiceName();

    /** How long to wait between two rounds of work. */
    protected abstract long intervalMillis();

    /** How long to wait before the first round (default: one interval). */
    protected long firstWaitMillis() {
        return intervalMillis();
    }

    /** One round of work at {@code now} (the injected clock's millis). */
    protected abstract void doWork(long now) throws Exception;

    /** Final work after {@link #shutdown()} was requested (default: none). */
    protected void onStop(long now) throws Exception {
    }

    @Override
    public final void run() {
        try {
            long wait = firstWaitMillis();
            while (!isStopped()) {
                waitForRunning(wait);
                wait = intervalMillis();
                if (isStopped()) {
                    break;
                }
                doWork(clock.getAsLong());
            }
            onStop(clock.getAsLong());
        } catch (Throwable t) {
            // Error included on purpose: a flusher or dispatcher that dies quietly keeps the broker
            // acknowledging puts it can no longer make durable or consumable (docs/reliability.md).
            deathCause = t;
            faultHandler.serviceDied(getServiceName(), t);
        }
    }

    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        stopped = false;
        Thread t = new Thread(this, getServiceName());
        t.setDaemon(true);
        // run() hands everything to the fault handler; this only sees a failing fault handler
        t.setUncaughtExceptionHandler((th, e) ->
            LOG.error("service thread {} died with an uncaught exception", th.getName(), e));
        thread = t;
        t.start();
    }

    /** Stops the loop, wakes it and waits up to 90 s for it to finish its final work. */
    public void shutdown() {
        if (!started.compareAndSet(true, false)) {
            return;
        }
        stopped = true;
        wakeup();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(90));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isStarted() {
        return started.get();
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Whether the thread was started and has ended (stopped or died). */
    public boolean isDead() {
        Thread t = thread;
        return t != null && !t.isAlive();
    }

    /** Why the thread died, or null while it runs or after a clean stop. */
    public Throwable deathCause() {
        return deathCause;
    }

    public void wakeup() {
        if (notified.compareAndSet(false, true)) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Waits up to {@code intervalMillis} or until {@link #wakeup()}, then runs {@link #onWaitEnd()}. */
    protected void waitForRunning(long intervalMillis) {
        if (notified.compareAndSet(true, false)) {
            onWaitEnd();
            return;
        }
        if (intervalMillis > 0) {
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(intervalMillis));
        }
        notified.set(false);
        onWaitEnd();
    }

    protected void onWaitEnd() {
    }
}
