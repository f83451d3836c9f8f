package org.mercurymq.broker.lock;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orderly-consumption queue locks per consumer group (docs/protocol/behaviour.md §12): a lock is granted when free, held
 * by the same client (which refreshes it) or expired (not refreshed for {@code lockMaxLiveTime}, 60 s,
 * system property {@code rocketmq.broker.rebalance.lockMaxLiveTime}). Each group's table is guarded by its
 * own monitor. Thread-safe.
 */
public final class RebalanceLockManager {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceLockManager.class);
    public static final long DEFAULT_LOCK_MAX_LIVE_MILLIS =
        Long.parseLong(System.getProperty("rocketmq.broker.rebalance.lockMaxLiveTime", "60000"));

    private final ConcurrentMap<String, ConcurrentMap<MessageQueue, LockEntry>> groups = new ConcurrentHashMap<>(1024);
    private final LongSupplier clock;
    private final long lockMaxLiveMillis;

    public RebalanceLockManager(LongSupplier clock) {
        this(clock, DEFAULT_LOCK_MAX_LIVE_MILLIS);
    }

    public RebalanceLockManager(LongSupplier clock, long lockMaxLiveMillis) {
        this.clock = clock;
        this.lockMaxLiveMillis = lockMaxLiveMillis;
    }

    /** Locks what it can of {@code mqs} for {@code clientId}; returns the queues the client now holds. */
    public Set<MessageQueue> tryLockBatch(String group, Set<MessageQueue> mqs, String clientId) {
        ConcurrentMap<MessageQueue, LockEntry> locks = groups.computeIfAbsent(group, g -> new ConcurrentHashMap<>(32));
        Set<MessageQueue> granted = new HashSet<>();
        long now = clock.getAsLong();
        synchronized (locks) {
            for (MessageQueue mq : mqs) {
                LockEntry e = locks.get(mq);
                if (e == null || e.clientId.equals(clientId) || e.isExpired(now, lockMaxLiveMillis)) {
                    if (e != null && !e.clientId.equals(clientId)) {
                        LOG.warn("lock of {} in group {} expired for {}, now held by {}", LogEscape.of(mq),
                            LogEscape.of(group), LogEscape.of(e.clientId), LogEscape.of(clientId));
                    }
                    locks.put(mq, new LockEntry(clientId, now));
                    granted.add(mq);
                }
            }
        }
        return granted;
    }

    /** Releases the queues {@code clientId} holds among {@code mqs}. */
    public void unlockBatch(String group, Set<MessageQueue> mqs, String clientId) {
        ConcurrentMap<MessageQueue, LockEntry> locks = groups.get(group);
        if (locks == null) {
            return;
        }
        synchronized (locks) {
            for (MessageQueue mq : mqs) {
                LockEntry e = locks.get(mq);
                if (e != null && e.clientId.equals(clientId)) {
                    locks.remove(mq);
                }
            }
        }
    }

    /** True while {@code clientId} holds a live lock on {@code mq}. */
    public boolean isLocked(String group, MessageQueue mq, String clientId) {
        ConcurrentMap<MessageQueue, LockEntry> locks = groups.get(group);
        if (locks == null) {
            return false;
        }
        LockEntry e = locks.get(mq);
        return e != null && e.clientId.equals(clientId) && !e.isExpired(clock.getAsLong(), lockMaxLiveMillis);
    }

    private static final class LockEntry {
        final String clientId;
        final long lastUpdateTimestamp;

        LockEntry(String clientId, long lastUpdateTimestamp) {
            this.clientId = clientId;
            this.lastUpdateTimestamp = lastUpdateTimestamp;
        }

        boolean isExpired(long now, long maxLive) {
            return now - lastUpdateTimestamp > maxLive;
        }
    }
}
