package org.mercurymq.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named background thread with an explicit start/shutdown and a wake-up signal that is never lost.
 * Subclasses implement {@link #run()} as a loop on {@link #isStopped()}. Thread-safe.
 */
public abstract class ServiceThread implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceThread.class);

    private final AtomicBoolean notified = new AtomicBoolean(false);
    private final AtomicBoolean started = new AtomicBoolean(false);
    private volatile boolean stopped;
    private volatile Thread thread;

    public abstract String getServiceName();

    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        stopped = false;
        Thread t = new Thread(this, getServiceName());
        t.setDaemon(true);
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
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(intervalMillis));
        notified.set(false);
        onWaitEnd();
    }

    protected void onWaitEnd() {
    }
}
