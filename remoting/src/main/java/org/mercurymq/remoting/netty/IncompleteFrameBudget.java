package org.mercurymq.remoting.netty;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mercurymq.remoting.common.RemotingHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the memory held by frames that have not fully arrived (docs/reliability.md, "Hostile input"):
 * one connection may hold at most {@code perConnectionLimit} bytes of receive buffer, and all connections
 * of one server together at most {@code totalLimit}. A connection over its own limit is closed; when the
 * total is over, the connections that filled their buffers slowest (fewest bytes per second since their
 * incomplete frame began) are closed until it is back under 7/8 of the limit. A client sending at full speed, even a 16 MiB
 * frame, is never the slowest; a client trickling bytes into claimed-huge frames is. Each close logs
 * one line with the numbers.
 * <p>
 * One instance per server, shared by the decoders of all its connections; each decoder owns one
 * {@link Pending}. Thread-safe.
 */
public final class IncompleteFrameBudget {
    private static final Logger LOG = LoggerFactory.getLogger(IncompleteFrameBudget.class);

    private final long perConnectionLimit;
    private final long totalLimit;
    private final LongSupplier nanoClock;
    private final List<Pending> holders = new ArrayList<>();
    private long total;
    private long closedConnections;

    /** @param nanoClock monotonic nanoseconds (System::nanoTime; tests pass their own) */
    public IncompleteFrameBudget(long perConnectionLimit, long totalLimit, LongSupplier nanoClock) {
        if (perConnectionLimit <= 0 || totalLimit <= 0) {
            throw new IllegalArgumentException("limits must be positive: per connection " + perConnectionLimit
                + ", total " + totalLimit);
        }
        this.perConnectionLimit = perConnectionLimit;
        this.totalLimit = totalLimit;
        this.nanoClock = nanoClock;
    }

    /** A new, empty account for one connection. */
    public Pending open(Channel channel) {
        return new Pending(channel);
    }

    /** Bytes held by incomplete frames of all connections. */
    public synchronized long total() {
        return total;
    }

    /** Connections this budget has closed so far. */
    public synchronized long closedConnections() {
        return closedConnections;
    }

    private synchronized void update(Pending p, long held, long readBytes) {
        if (p.closing) {
            return;
        }
        if (held == 0) {
            release(p);
            return;
        }
        long now = nanoClock.getAsLong();
        if (p.held == 0) {
            holders.add(p);
            p.sinceNanos = now;
            p.received = 0;
        }
        p.received += readBytes;
        total += held - p.held;
        p.held = held;
        if (held > perConnectionLimit) {
            close(p, now, "its incomplete frame holds " + held + " bytes, over the limit of " + perConnectionLimit
                + " per connection");
        }
        if (total > totalLimit) {
            closeSlowest(now);
        }
    }

    private void closeSlowest(long now) {
        // close down to 7/8 of the limit, so that a flood does not sort all holders again on every read
        long target = totalLimit - totalLimit / 8;
        List<Pending> bySpeed = new ArrayList<>(holders);
        bySpeed.sort(Comparator.comparingDouble(h -> h.bytesPerSecond(now)));
        for (Pending victim : bySpeed) {
            if (total <= target) {
                return;
            }
            close(victim, now, "it filled its incomplete frame slowest while incomplete frames of all connections hold "
                + total + " bytes, over the limit of " + totalLimit);
        }
    }

    private void close(Pending p, long now, String why) {
        LOG.warn("closing connection {}: {} ({} bytes held, {} bytes received in {} ms, {} B/s)",
            RemotingHelper.parseChannelRemoteAddr(p.channel), why, p.held, p.received,
            TimeUnit.NANOSECONDS.toMillis(now - p.sinceNanos), (long) p.bytesPerSecond(now));
        release(p);
        p.closing = true;
        closedConnections++;
        p.channel.close();
    }

    private synchronized void release(Pending p) {
        if (p.held != 0) {
            total -= p.held;
            p.held = 0;
            p.received = 0;
            holders.remove(p);
        }
    }

    /** The account of one connection, updated by its decoder on its event loop. */
    public final class Pending {
        private final Channel channel;
        // guarded by the budget's lock, except that the decoder reads held to skip the lock when nothing is held
        private volatile long held;
        private long sinceNanos;
        private long received;
        private boolean closing;

        private Pending(Channel channel) {
            this.channel = channel;
        }

        /** After a read of {@code readBytes}: the connection's receive buffer now holds {@code heldBytes}. */
        public void update(long heldBytes, long readBytes) {
            if (heldBytes == 0 && held == 0) {
                return; // the common case: every frame of the read was complete
            }
            IncompleteFrameBudget.this.update(this, heldBytes, readBytes);
        }

        /** The connection is gone. */
        public void release() {
            IncompleteFrameBudget.this.release(this);
        }

        private double bytesPerSecond(long now) {
            long elapsed = Math.max(1, now - sinceNanos);
            return received * 1e9 / elapsed;
        }
    }
}
