package org.mercurymq.client.impl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named background thread running {@link #onWaitEnd()} every {@code interval} ms or sooner when
 * {@link #wakeup()} is called. Errors of one round are logged and the loop goes on (a client's periodic
 * duties are retried next round by design). Thread-safe.
 */
public abstract class ServiceThread implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceThread.class);

    private final Thread thread;
    private final Object signal = new Object();
    private boolean notified;
    private volatile boolean stopped;

    protected ServiceThread(String name) {
        this.thread = new Thread(this, name);
        // not a daemon: a running consumer keeps the JVM alive until shutdown(), as in RocketMQ
        this.thread.setDaemon(false);
    }

    public void start() {
        thread.start();
    }

    public void shutdown() {
        stopped = true;
        wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    public void wakeup() {
        synchronized (signal) {
            notified = true;
            signal.notifyAll();
        }
    }

    /** Milliseconds between rounds when nobody calls {@link #wakeup()}. */
    protected abstract long interval();

    protected abstract void onWaitEnd();

    @Override
    public void run() {
        LOG.info("{} started", thread.getName());
        while (!stopped) {
            synchronized (signal) {
                if (!notified) {
                    try {
                        signal.wait(interval());
                    } catch (InterruptedException e) {
                        break;
                    }
                }
                notified = false;
            }
            if (stopped) {
                break;
            }
            try {
                onWaitEnd();
            } catch (Throwable t) {
                LOG.warn("{} round failed: {}", thread.getName(), t.toString(), t);
            }
        }
        LOG.info("{} stopped", thread.getName());
    }
}
