package org.mercurymq.broker.longpolling;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.mercurymq.remoting.RemotingChannel;

/**
 * Counts parked pulls per connection and in total and refuses a new one past either cap, so that a
 * client parking pulls without end cannot fill the heap (docs/reliability.md, "Hostile input"). A
 * refused pull is answered at once by the caller. The caps are read on every call, so a config
 * change applies to the next pull. Thread-safe.
 */
public final class HeldPullBudget {
    private final IntSupplier maxPerConnection;
    private final IntSupplier maxTotal;
    private final ConcurrentMap<RemotingChannel, AtomicInteger> perChannel = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public HeldPullBudget(IntSupplier maxPerConnection, IntSupplier maxTotal) {
        this.maxPerConnection = maxPerConnection;
        this.maxTotal = maxTotal;
    }

    /** Takes one slot for {@code channel}; false (and nothing taken) when a cap is reached. */
    public boolean tryAcquire(RemotingChannel channel) {
        int totalCap = maxTotal.getAsInt();
        if (total.incrementAndGet() > totalCap) {
            total.decrementAndGet();
            return false;
        }
        int connectionCap = maxPerConnection.getAsInt();
        boolean[] taken = new boolean[1];
        perChannel.compute(channel, (ch, n) -> {
            AtomicInteger count = n == null ? new AtomicInteger() : n;
            if (count.get() < connectionCap) {
                count.incrementAndGet();
                taken[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        if (!taken[0]) {
            total.decrementAndGet();
        }
        return taken[0];
    }

    /** Gives back the slot of one parked pull of {@code channel}. */
    public void release(RemotingChannel channel) {
        perChannel.computeIfPresent(channel, (ch, n) -> {
            total.decrementAndGet();
            return n.decrementAndGet() <= 0 ? null : n;
        });
    }

    /** Parked pulls of {@code channel}. */
    public int held(RemotingChannel channel) {
        AtomicInteger n = perChannel.get(channel);
        return n == null ? 0 : n.get();
    }

    /** Parked pulls of all connections. */
    public int total() {
        return total.get();
    }
}
