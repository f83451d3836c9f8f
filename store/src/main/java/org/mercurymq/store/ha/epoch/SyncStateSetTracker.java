package org.mercurymq.store.ha.epoch;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The master's view of which slaves are caught up (docs/controller.md, "SyncStateSet"): a slave whose ack
 * reaches the master's offset at the time of the ack (and the start of the current epoch) is caught up at that
 * moment; one not caught up for longer than {@code haMaxTimeSlaveNotCatchup}, or disconnected, leaves the set.
 * While a proposed change awaits the controller, acks are counted against the union of the old and proposed
 * sets, so an expand can never make a put count as replicated by a member that does not have it yet.
 * Thread-safe; time comes from the injected clock.
 */
public final class SyncStateSetTracker {
    private final long masterId;
    private final LongSupplier clock;
    private final long maxNotCatchupMillis;
    private final Map<Long, Long> ackOffsets = new HashMap<>();
    private final Map<Long, Long> lastCaughtUp = new HashMap<>();
    private Set<Long> current;
    private Set<Long> proposed;
    private long epochStartOffset;

    public SyncStateSetTracker(long masterId, Set<Long> initial, long epochStartOffset, LongSupplier clock,
                               long maxNotCatchupMillis) {
        this.masterId = masterId;
        this.clock = clock;
        this.maxNotCatchupMillis = maxNotCatchupMillis;
        this.current = new TreeSet<>(initial);
        this.current.add(masterId);
        this.epochStartOffset = epochStartOffset;
    }

    /** A slave acked {@code ackOffset} while the master's max offset was {@code masterMaxOffset}. */
    public synchronized void onAck(long slaveId, long ackOffset, long masterMaxOffset) {
        ackOffsets.merge(slaveId, ackOffset, Math::max);
        if (ackOffset >= masterMaxOffset && ackOffset >= epochStartOffset) {
            lastCaughtUp.put(slaveId, clock.getAsLong());
        }
    }

    /** The slave's connection closed: it is no longer caught up. */
    public synchronized void onDisconnect(long slaveId) {
        ackOffsets.remove(slaveId);
        lastCaughtUp.remove(slaveId);
    }

    /**
     * The set to propose now, or null when it would not change: caught-up slaves join, members not caught up
     * within the limit (or never) leave, the master always stays.
     */
    public synchronized Set<Long> proposal() {
        long now = clock.getAsLong();
        Set<Long> next = new TreeSet<>();
        next.add(masterId);
        for (Map.Entry<Long, Long> e : lastCaughtUp.entrySet()) {
            if (now - e.getValue() <= maxNotCatchupMillis) {
                next.add(e.getKey());
            }
        }
        if (next.equals(current)) {
            return null;
        }
        proposed = next;
        return Collections.unmodifiableSet(next);
    }

    /** The controller accepted {@code accepted} (or refused: pass the current set) — the proposal is over. */
    public synchronized void onDecided(Set<Long> accepted) {
        current = new TreeSet<>(accepted);
        proposed = null;
    }

    public synchronized Set<Long> current() {
        return Collections.unmodifiableSet(new TreeSet<>(current));
    }

    /** A new term of this master starts at {@code offset}. */
    public synchronized void onNewEpoch(long offset) {
        epochStartOffset = offset;
    }

    /**
     * The lowest offset acked by every member other than the master (of the union of current and proposed sets
     * while a change is in flight); {@code Long.MAX_VALUE} when the master is alone.
     */
    public synchronized long minMemberAck() {
        return Math.min(minAckOf(current), proposed == null ? Long.MAX_VALUE : minAckOf(proposed));
    }

    /** Called on every slave ack and dispatch round: no copy of the sets. */
    private long minAckOf(Set<Long> members) {
        long min = Long.MAX_VALUE;
        for (Long id : members) {
            if (id == masterId) {
                continue;
            }
            Long acked = ackOffsets.get(id);
            min = Math.min(min, acked == null ? -1 : acked);
        }
        return min;
    }

    /**
     * allAckInSyncStateSet: true when every member (of the union of current and proposed sets while a change is
     * in flight) other than the master has acked {@code endOffset}.
     */
    public synchronized boolean ackedByAll(long endOffset) {
        return minMemberAck() >= endOffset;
    }
}
