package org.mercurymq.broker.client;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the client tables clean (docs/protocol/behaviour.md §5): a closed, failed or idle connection is dropped from
 * every producer and consumer group at once; every 10 s members silent for 120 s are dropped. Lifecycle:
 * {@link #start()}, {@link #shutdown()}. Thread-safe.
 */
public final class ClientHousekeepingService implements ChannelEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClientHousekeepingService.class);
    public static final long CHANNEL_EXPIRED_MILLIS = 120_000;
    private static final long SCAN_INTERVAL_MILLIS = 10_000;

    private final ProducerManager producers;
    private final ConsumerManager consumers;
    private final LongSupplier clock;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("ClientHousekeepingScheduledThread", true));

    public ClientHousekeepingService(ProducerManager producers, ConsumerManager consumers, LongSupplier clock) {
        this.producers = producers;
        this.consumers = consumers;
        this.clock = clock;
    }

    public void start() {
        scheduler.scheduleAtFixedRate(this::scan, SCAN_INTERVAL_MILLIS, SCAN_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }

    /** One expiry scan now. */
    public void scan() {
        try {
            long now = clock.getAsLong();
            int p = producers.scanNotActiveChannel(now, CHANNEL_EXPIRED_MILLIS);
            int c = consumers.scanNotActiveChannel(now, CHANNEL_EXPIRED_MILLIS);
            if (p + c > 0) {
                LOG.info("client scan dropped {} producer and {} consumer connections", p, c);
            }
        } catch (RuntimeException e) {
            LOG.error("client scan failed", e);
        }
    }

    private void closed(RemotingChannel channel) {
        producers.doChannelCloseEvent(channel);
        consumers.doChannelCloseEvent(channel);
    }

    @Override
    public void onChannelConnect(String remoteAddr, RemotingChannel channel) {
    }

    @Override
    public void onChannelClose(String remoteAddr, RemotingChannel channel) {
        closed(channel);
    }

    @Override
    public void onChannelException(String remoteAddr, RemotingChannel channel) {
        closed(channel);
    }

    @Override
    public void onChannelIdle(String remoteAddr, RemotingChannel channel) {
        closed(channel);
    }
}
