package org.mercurymq.client.impl.consumer;

import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread issuing the (async) pulls of every push consumer of a client instance, in request order;
 * delayed re-pulls (flow control, errors) wait on a scheduler first. The queue holds at most one
 * request per assigned queue. Thread-safe.
 */
public class PullMessageService implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PullMessageService.class);

    private final LinkedBlockingQueue<PullRequest> pullRequestQueue = new LinkedBlockingQueue<PullRequest>();
    private final MQClientInstance instance;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("PullMessageServiceScheduledThread", true));
    private final Thread thread;
    private volatile boolean stopped;

    public PullMessageService(MQClientInstance instance) {
        this.instance = instance;
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

    public void executePullRequestLater(final PullRequest pullRequest, final long timeDelay) {
        if (stopped) {
            return;
        }
        try {
            scheduler.schedule(new Runnable() {
                @Override
                public void run() {
                    executePullRequestImmediately(pullRequest);
                }
            }, timeDelay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("pull scheduler stopped, dropping {}", pullRequest);
        }
    }

    public void executePullRequestImmediately(final PullRequest pullRequest) {
        pullRequestQueue.add(pullRequest);
    }

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
            PullRequest request;
            try {
                request = pullRequestQueue.take();
            } catch (InterruptedException e) {
                break;
            }
            try {
                MQConsumerInner consumer = instance.selectConsumer(request.getConsumerGroup());
                if (consumer instanceof DefaultMQPushConsumerImpl) {
                    ((DefaultMQPushConsumerImpl) consumer).pullMessage(request);
                } else {
                    LOG.debug("no push consumer of group {} (shut down?) for {}", request.getConsumerGroup(), request);
                }
            } catch (Throwable t) {
                LOG.error("pull of {} failed: {}", request, t.toString(), t);
            }
        }
        LOG.info("PullMessageService stopped");
    }
}
