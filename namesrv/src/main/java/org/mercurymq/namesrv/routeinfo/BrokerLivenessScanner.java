package org.mercurymq.namesrv.routeinfo;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops brokers that stopped registering: every {@code intervalMillis} on the thread
 * {@code namesrv-broker-liveness-1}, brokers silent for longer than the current expiry are removed, one log
 * line each. Thread-safe; start() once, shutdown() once.
 */
public final class BrokerLivenessScanner {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLivenessScanner.class);
    /** RocketMQ scans first 5 s after start. */
    private static final long MAX_INITIAL_DELAY_MILLIS = 5_000;

    private final RouteInfoManager routes;
    private final long intervalMillis;
    private final LongSupplier expiryMillis;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("namesrv-broker-liveness", true));

    /** @param expiryMillis read at every scan so an updated brokerChannelExpiredTime applies at once */
    public BrokerLivenessScanner(RouteInfoManager routes, long intervalMillis, LongSupplier expiryMillis) {
        this.routes = routes;
        this.intervalMillis = intervalMillis;
        this.expiryMillis = expiryMillis;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::scanOnce, Math.min(MAX_INITIAL_DELAY_MILLIS, intervalMillis),
            intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** One scan; public for tests and for callers that want an immediate check. */
    public void scanOnce() {
        try {
            long expiry = expiryMillis.getAsLong();
            for (ExpiredBroker b : routes.scanNotActiveBroker(expiry)) {
                LOG.warn("broker {} dropped: no registration for {} ms (limit {} ms)", b.brokerAddr(), b.silentMillis(), expiry);
            }
        } catch (RuntimeException e) {
            // keep the schedule alive: one failed scan must not stop liveness checking for good
            LOG.error("broker liveness scan failed", e);
        }
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }
}
