package org.mercurymq.client.impl.factory;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread issuing the (async) pulls of every push consumer of a client instance, in request order;
 * delayed re-pulls (flow control, errors) wait on a scheduler first. A pull is a task handed in by the consumer
 * engine, so the instance does not know the engines (layers: docs/client.md); the queue holds at most one task
 * per assigned queue. Thread-safe.
 */
public class PullMessageService implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PullMessageService.class);

    private final LinkedBlockingQueue<Runnable> pullRequestQueue = new LinkedBlockingQueue<Runnable>();
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("PullMessageServiceScheduledThread", true));
    private final Thread thread;
    private volatile boolean stopped;

    public PullMessageService() {
        this.thread = new Thread(this, "PullMessageService");
        // not a daemon: a running client keeps the JVM alive until shutdown(), as in RocketMQ
        this.thread.setDaemon(false);
    }

    public void start() {
        thread.start();
    }

    public void shutdown() {
        stopped = true;
        scheduler.shutdownNow();
        thread.interrupt();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues {@code pull} after {@code timeDelay} ms. */
    public void executePullLater(final Runnable pull, final long timeDelay) {
        if (stopped) {
            return;
        }
        try {
            scheduler.schedule(new Runnable() {
                @Override
                public void run() {
                    executePullImmediately(pull);
                }
            }, timeDelay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("pull scheduler stopped, dropping {}", pull);
        }
    }

    public void executePullImmediately(final Runnable pull) {
        pullRequestQueue.add(pull);
    }

    /** Runs {@code r} on the scheduler (not the pull thread) after {@code timeDelay} ms. */
    public void executeTaskLater(final Runnable r, final long timeDelay) {
        if (stopped) {
            return;
        }
        try {
            scheduler.schedule(r, timeDelay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("pull scheduler stopped, dropping a delayed task");
        }
    }

    @Override
    public void run() {
        LOG.info("PullMessageService started");
        while (!stopped) {
            Runnable pull;
            try {
                pull = pullRequestQueue.take();
            } catch (InterruptedException e) {
                break;
            }
            try {
                pull.run();
            } catch (Throwable t) {
                LOG.error("pull {} failed: {}", pull, t.toString(), t);
            }
        }
        LOG.info("PullMessageService stopped");
    }
}
