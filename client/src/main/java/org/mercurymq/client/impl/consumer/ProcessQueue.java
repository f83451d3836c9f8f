package org.mercurymq.client.impl.consumer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.mercurymq.remoting.protocol.body.ProcessQueueInfo;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;

/**
 * The local state of one assigned queue: messages pulled but not yet consumed (by queue offset), their
 * count and size for flow control, and for orderly consumption the batch being consumed and the broker
 * lock. The offset to commit is the smallest offset still held (or one past the largest consumed).
 * Thread-safe.
 */
public class ProcessQueue {
    /** A broker lock not renewed for this long is considered lost (docs/protocol/behaviour.md §12). */
    public static final long REBALANCE_LOCK_MAX_LIVE_TIME =
        Long.parseLong(System.getProperty("rocketmq.client.rebalance.lockMaxLiveTime", "30000"));
    public static final long REBALANCE_LOCK_INTERVAL = Long.parseLong(System.getProperty("rocketmq.client.rebalance.lockInterval", "20000"));
    private static final long PULL_MAX_IDLE_TIME = Long.parseLong(System.getProperty("rocketmq.client.pull.pullMaxIdleTime", "120000"));

    private final ReadWriteLock treeMapLock = new ReentrantReadWriteLock();
    private final TreeMap<Long, MessageExt> msgTreeMap = new TreeMap<Long, MessageExt>();
    private final TreeMap<Long, MessageExt> consumingMsgOrderlyTreeMap = new TreeMap<Long, MessageExt>();
    private final AtomicLong msgCount = new AtomicLong();
    private final AtomicLong msgSize = new AtomicLong();
    private final Lock consumeLock = new ReentrantLock();
    private final AtomicLong tryUnlockTimes = new AtomicLong(0);
    private volatile long queueOffsetMax = 0L;
    private volatile boolean dropped = false;
    private final Clock clock;
    private volatile long lastPullTimestamp;
    private volatile long lastConsumeTimestamp;
    private volatile boolean locked = false;
    private volatile long lastLockTimestamp;
    private volatile boolean consuming = false;
    private volatile long msgAccCnt = 0;

    public ProcessQueue() {
        this(Clock.systemUTC());
    }

    /** {@code clock} (the client instance's) decides lock, pull and consume-timeout expiry. */
    public ProcessQueue(Clock clock) {
        this.clock = clock;
        long now = clock.millis();
        this.lastPullTimestamp = now;
        this.lastConsumeTimestamp = now;
        this.lastLockTimestamp = now;
    }

    /** The current time on this queue's clock. */
    public long now() {
        return clock.millis();
    }

    public boolean isLockExpired() {
        return clock.millis() - lastLockTimestamp > REBALANCE_LOCK_MAX_LIVE_TIME;
    }

    /** No pull for 120 s: the pull chain of this queue is presumed broken and the queue is re-created. */
    public boolean isPullExpired() {
        return clock.millis() - lastPullTimestamp > PULL_MAX_IDLE_TIME;
    }

    /**
     * Adds pulled messages (duplicates by offset are ignored) and returns whether an orderly consume
     * task must be started (there are messages and none is running).
     */
    public boolean putMessage(final List<MessageExt> msgs) {
        treeMapLock.writeLock().lock();
        try {
            int added = 0;
            for (MessageExt msg : msgs) {
                if (msgTreeMap.put(msg.getQueueOffset(), msg) == null) {
                    added++;
                    queueOffsetMax = msg.getQueueOffset();
                    msgSize.addAndGet(msg.getBody() == null ? 0 : msg.getBody().length);
                }
            }
            msgCount.addAndGet(added);
            boolean dispatchToConsume = false;
            if (!msgTreeMap.isEmpty() && !consuming) {
                dispatchToConsume = true;
                consuming = true;
            }
            if (!msgs.isEmpty()) {
                MessageExt last = msgs.get(msgs.size() - 1);
                String max = last.getProperty(MessageConst.PROPERTY_MAX_OFFSET);
                if (max != null) {
                    long acc = Long.parseLong(max) - last.getQueueOffset();
                    if (acc > 0) {
                        msgAccCnt = acc;
                    }
                }
            }
            return dispatchToConsume;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Distance between the first and last cached offsets (the concurrent consumer's span limit). */
    public long getMaxSpan() {
        treeMapLock.readLock().lock();
        try {
            return msgTreeMap.isEmpty() ? 0 : msgTreeMap.lastKey() - msgTreeMap.firstKey();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    /**
     * Removes consumed messages and returns the offset that may now be committed: the smallest offset
     * still cached, or one past the highest ever cached when none is; −1 if nothing was cached.
     */
    public long removeMessage(final List<MessageExt> msgs) {
        long result = -1;
        final long now = clock.millis();
        treeMapLock.writeLock().lock();
        try {
            lastConsumeTimestamp = now;
            if (!msgTreeMap.isEmpty()) {
                result = queueOffsetMax + 1;
                int removed = 0;
                for (MessageExt msg : msgs) {
                    MessageExt prev = msgTreeMap.remove(msg.getQueueOffset());
                    if (prev != null) {
                        removed--;
                        msgSize.addAndGet(-(msg.getBody() == null ? 0 : msg.getBody().length));
                    }
                }
                msgCount.addAndGet(removed);
                if (!msgTreeMap.isEmpty()) {
                    result = msgTreeMap.firstKey();
                }
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
        return result;
    }

    /** Hands a message back to the broker for redelivery; true when that worked. */
    public interface SendBack {
        boolean sendBack(MessageExt msg);
    }

    /**
     * Concurrent consumption: messages whose consume call started more than {@code timeoutMinutes}
     * ago (a stuck listener) are sent back and dropped from the cache, at most 16 per call, so the
     * queue's offset can move on.
     */
    public int cleanExpiredMsg(long timeoutMinutes, SendBack sendBack) {
        int cleaned = 0;
        long now = clock.millis();
        for (int i = 0; i < 16; i++) {
            MessageExt first;
            treeMapLock.readLock().lock();
            try {
                if (msgTreeMap.isEmpty()) {
                    return cleaned;
                }
                first = msgTreeMap.firstEntry().getValue();
            } finally {
                treeMapLock.readLock().unlock();
            }
            String started = MessageAccessor.getConsumeStartTimeStamp(first);
            if (started == null || now - Long.parseLong(started) <= timeoutMinutes * 60 * 1000) {
                return cleaned;
            }
            if (!sendBack.sendBack(first)) {
                return cleaned;
            }
            treeMapLock.readLock().lock();
            boolean stillFirst;
            try {
                stillFirst = !msgTreeMap.isEmpty() && msgTreeMap.firstKey() == first.getQueueOffset();
            } finally {
                treeMapLock.readLock().unlock();
            }
            if (stillFirst) {
                removeMessage(java.util.Collections.singletonList(first));
                cleaned++;
            }
        }
        return cleaned;
    }

    // ---------------------------------------------------------------- orderly

    /** Moves up to {@code batchSize} messages, lowest offsets first, into the consuming batch. */
    public List<MessageExt> takeMessages(final int batchSize) {
        List<MessageExt> result = new ArrayList<MessageExt>(batchSize);
        final long now = clock.millis();
        treeMapLock.writeLock().lock();
        try {
            lastConsumeTimestamp = now;
            for (int i = 0; i < batchSize && !msgTreeMap.isEmpty(); i++) {
                Map.Entry<Long, MessageExt> e = msgTreeMap.pollFirstEntry();
                result.add(e.getValue());
                consumingMsgOrderlyTreeMap.put(e.getKey(), e.getValue());
            }
            if (result.isEmpty()) {
                consuming = false;
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
        return result;
    }

    /** The consuming batch is done: returns one past its highest offset (or −1) and forgets it. */
    public long commit() {
        treeMapLock.writeLock().lock();
        try {
            if (consumingMsgOrderlyTreeMap.isEmpty()) {
                return -1;
            }
            long offset = consumingMsgOrderlyTreeMap.lastKey();
            msgCount.addAndGet(-consumingMsgOrderlyTreeMap.size());
            for (MessageExt msg : consumingMsgOrderlyTreeMap.values()) {
                msgSize.addAndGet(-(msg.getBody() == null ? 0 : msg.getBody().length));
            }
            consumingMsgOrderlyTreeMap.clear();
            return offset + 1;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Puts the whole consuming batch back to be taken again. */
    public void rollback() {
        treeMapLock.writeLock().lock();
        try {
            msgTreeMap.putAll(consumingMsgOrderlyTreeMap);
            consumingMsgOrderlyTreeMap.clear();
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** Puts {@code msgs} of the consuming batch back to be taken again. */
    public void makeMessageToConsumeAgain(List<MessageExt> msgs) {
        treeMapLock.writeLock().lock();
        try {
            for (MessageExt msg : msgs) {
                consumingMsgOrderlyTreeMap.remove(msg.getQueueOffset());
                msgTreeMap.put(msg.getQueueOffset(), msg);
            }
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    public boolean hasTempMessage() {
        treeMapLock.readLock().lock();
        try {
            return !msgTreeMap.isEmpty();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    public void clear() {
        treeMapLock.writeLock().lock();
        try {
            msgTreeMap.clear();
            consumingMsgOrderlyTreeMap.clear();
            msgCount.set(0);
            msgSize.set(0);
            queueOffsetMax = 0L;
        } finally {
            treeMapLock.writeLock().unlock();
        }
    }

    /** The smallest cached offset, or −1. */
    public long firstOffset() {
        treeMapLock.readLock().lock();
        try {
            return msgTreeMap.isEmpty() ? -1 : msgTreeMap.firstKey();
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    public void fillProcessQueueInfo(final ProcessQueueInfo info) {
        treeMapLock.readLock().lock();
        try {
            if (!msgTreeMap.isEmpty()) {
                info.setCachedMsgMinOffset(msgTreeMap.firstKey());
                info.setCachedMsgMaxOffset(msgTreeMap.lastKey());
            }
            info.setCachedMsgCount(msgTreeMap.size());
            info.setCachedMsgSizeInMiB((int) (msgSize.get() / (1024 * 1024)));
            if (!consumingMsgOrderlyTreeMap.isEmpty()) {
                info.setTransactionMsgMinOffset(consumingMsgOrderlyTreeMap.firstKey());
                info.setTransactionMsgMaxOffset(consumingMsgOrderlyTreeMap.lastKey());
                info.setTransactionMsgCount(consumingMsgOrderlyTreeMap.size());
            }
            info.setLocked(locked);
            info.setTryUnlockTimes(tryUnlockTimes.get());
            info.setLastLockTimestamp(lastLockTimestamp);
            info.setDroped(dropped);
            info.setLastPullTimestamp(lastPullTimestamp);
            info.setLastConsumeTimestamp(lastConsumeTimestamp);
        } finally {
            treeMapLock.readLock().unlock();
        }
    }

    /** Marks every cached message with the time its consumption starts (CONSUME_START_TIME). */
    static void markConsumeStart(List<MessageExt> msgs) {
        markConsumeStart(msgs, System.currentTimeMillis());
    }

    /** As {@link #markConsumeStart(List)} at {@code nowMillis} (use the queue's {@link #now()}). */
    static void markConsumeStart(List<MessageExt> msgs, long nowMillis) {
        String now = String.valueOf(nowMillis);
        for (MessageExt m : msgs) {
            MessageAccessor.setConsumeStartTimeStamp(m, now);
        }
    }

    public AtomicLong getMsgCount() {
        return msgCount;
    }

    public AtomicLong getMsgSize() {
        return msgSize;
    }

    public boolean isDropped() {
        return dropped;
    }

    public void setDropped(boolean dropped) {
        this.dropped = dropped;
    }

    public boolean isLocked() {
        return locked;
    }

    public void setLocked(boolean locked) {
        this.locked = locked;
    }

    public long getLastLockTimestamp() {
        return lastLockTimestamp;
    }

    public void setLastLockTimestamp(long lastLockTimestamp) {
        this.lastLockTimestamp = lastLockTimestamp;
    }

    public long getLastPullTimestamp() {
        return lastPullTimestamp;
    }

    public void setLastPullTimestamp(long lastPullTimestamp) {
        this.lastPullTimestamp = lastPullTimestamp;
    }

    public long getLastConsumeTimestamp() {
        return lastConsumeTimestamp;
    }

    public Lock getConsumeLock() {
        return consumeLock;
    }

    public long getTryUnlockTimes() {
        return tryUnlockTimes.get();
    }

    public void incTryUnlockTimes() {
        tryUnlockTimes.incrementAndGet();
    }

    public long getMsgAccCnt() {
        return msgAccCnt;
    }

    public boolean isConsuming() {
        return consuming;
    }
}
