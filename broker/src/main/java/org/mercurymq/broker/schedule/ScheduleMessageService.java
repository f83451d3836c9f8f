package org.mercurymq.broker.schedule;

import com.alibaba.fastjson2.JSON;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mercurymq.broker.message.InnerMessages;
import org.mercurymq.broker.metadata.JsonConfigFile;
import org.mercurymq.broker.metadata.MetadataJson;
import org.mercurymq.broker.stats.BrokerStatsManager;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.store.DelayLevels;
import org.mercurymq.store.GetMessageResult;
import org.mercurymq.store.GetMessageStatus;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.PutMessageResult;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.SelectMappedBufferResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers delayed messages (docs/protocol/behaviour.md §9): one task per delay level reads its SCHEDULE_TOPIC_XXXX queue
 * (reads not counted in the store's get statistics; with {@code countDeliveries}, each delivery is counted in
 * the broker statistics as docs/statistics.md says)
 * from the level's offset in delayOffset.json and re-stores each due message to its REAL_TOPIC/REAL_QID
 * (DELAY removed, WAIT=false); a message not yet due is re-checked within 100 ms; after a failed put the
 * level pauses 10 s. Delivery time = store time + the level's delay, capped at now + delay. Offsets are
 * persisted every {@code flushDelayOffsetInterval} and at shutdown. Runs on a master only. Thread-safe.
 */
public final class ScheduleMessageService {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleMessageService.class);
    private static final long FIRST_DELAY_MILLIS = 1000;
    private static final long RECHECK_MILLIS = 100;
    private static final long AFTER_ERROR_MILLIS = 10_000;
    private static final int BATCH = 32;
    private static final String GROUP = "SCHEDULE_MESSAGE_SERVICE";
    /** The group delivery is counted under in the broker statistics (RocketMQ's name). */
    static final String STATS_GROUP = "SCHEDULE_CONSUMER";

    private final MessageStore store;
    private final DelayLevels levels;
    private final JsonConfigFile file;
    private final SocketAddress storeHost;
    private final String clusterName;
    private final LongSupplier clock;
    private final long flushIntervalMillis;
    private final BrokerStatsManager stats;
    private final boolean countDeliveries;
    private final ConcurrentMap<Integer, Long> offsets = new ConcurrentHashMap<>(32);
    private volatile ScheduledExecutorService timer;

    public ScheduleMessageService(MessageStore store, DelayLevels levels, JsonConfigFile file, SocketAddress storeHost,
                                  String clusterName, LongSupplier clock, long flushIntervalMillis,
                                  BrokerStatsManager stats, boolean countDeliveries) {
        this.stats = stats;
        this.countDeliveries = countDeliveries;
        this.store = store;
        this.levels = levels;
        this.file = file;
        this.storeHost = storeHost;
        this.clusterName = clusterName;
        this.clock = clock;
        this.flushIntervalMillis = flushIntervalMillis;
    }

    public void load() throws IOException {
        DelayOffsetWrapper loaded = file.load(text -> RemotingSerializable.fromJson(text, DelayOffsetWrapper.class));
        if (loaded != null && loaded.getOffsetTable() != null) {
            offsets.putAll(loaded.getOffsetTable());
            LOG.info("loaded delay offsets {} from {}", offsets, file.path());
        }
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newScheduledThreadPool(2, new NamedThreadFactory("ScheduleMessageTimerThread", true));
        for (int level = 1; level <= levels.maxLevel(); level++) {
            offsets.putIfAbsent(level, 0L);
            schedule(new DeliverTask(level), FIRST_DELAY_MILLIS);
        }
        timer.scheduleAtFixedRate(this::persistQuietly, flushIntervalMillis, flushIntervalMillis, TimeUnit.MILLISECONDS);
        LOG.info("schedule message service started with {} delay levels", levels.maxLevel());
    }

    public synchronized void shutdown() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        persistQuietly();
    }

    public void persist() throws IOException {
        file.write(MetadataJson.pretty(snapshot()));
    }

    private void persistQuietly() {
        try {
            persist();
        } catch (IOException e) {
            LOG.error("DELAY OFFSETS NOT PERSISTED, {} keeps older ones; lost progress {} (delayed messages after the "
                + "kept offsets will be delivered again after a restart): {}", file.path(), offsets, e.getMessage());
        }
    }

    public DelayOffsetWrapper snapshot() {
        DelayOffsetWrapper w = new DelayOffsetWrapper();
        w.getOffsetTable().putAll(offsets);
        return w;
    }

    /** Slave metadata sync (docs/protocol/behaviour.md §11): takes the master's delay offsets and persists them. */
    public void replaceOffsetsFromMaster(DelayOffsetWrapper master) throws IOException {
        if (master.getOffsetTable() == null) {
            return;
        }
        offsets.putAll(master.getOffsetTable());
        offsets.keySet().retainAll(master.getOffsetTable().keySet());
        persist();
    }

    /** The compact JSON of GET_ALL_DELAY_OFFSET. */
    public String toJson() {
        return JSON.toJSONString(snapshot());
    }

    public long offset(int level) {
        return offsets.getOrDefault(level, 0L);
    }

    private void schedule(Runnable task, long delayMillis) {
        ScheduledExecutorService t = timer;
        if (t == null) {
            return;
        }
        try {
            t.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Delivers what is due in one level's queue; returns when to look again. */
    long deliver(int level) {
        int queueId = level - 1;
        long offset = offsets.getOrDefault(level, 0L);
        // not store.getMessage: polling 18 levels ten times a second would show ~180 misses/s on an idle broker
        GetMessageResult result = store.getMessageUncounted(GROUP, TopicNames.SCHEDULE_TOPIC, queueId, offset, BATCH,
            null);
        try {
            GetMessageStatus status = result.getStatus();
            if (status == GetMessageStatus.OFFSET_TOO_SMALL || status == GetMessageStatus.OFFSET_OVERFLOW_BADLY) {
                LOG.warn("delay level {} offset {} corrected to {} ({})", level, offset, result.getNextBeginOffset(), status);
                offsets.put(level, result.getNextBeginOffset());
                return RECHECK_MILLIS;
            }
            if (status != GetMessageStatus.FOUND) {
                return RECHECK_MILLIS;
            }
            List<SelectMappedBufferResult> buffers = result.getMessageMapedList();
            List<Long> queueOffsets = result.getMessageQueueOffset();
            long delay = levels.delayMillis(level);
            for (int i = 0; i < buffers.size(); i++) {
                ByteBuffer buf = buffers.get(i).getByteBuffer().duplicate();
                MessageExt msg = MessageDecoder.decode(buf, true, false);
                long queueOffset = queueOffsets.get(i);
                if (msg == null) {
                    offsets.put(level, queueOffset + 1);
                    continue;
                }
                long now = clock.getAsLong();
                long deliverAt = Math.min(msg.getStoreTimestamp() + delay, now + delay);
                if (deliverAt > now) {
                    return Math.max(1, Math.min(RECHECK_MILLIS, deliverAt - now));
                }
                if (msg.getProperty(MessageConst.PROPERTY_REAL_TOPIC) == null) {
                    LOG.warn("delayed message at {} of level {} has no REAL_TOPIC, skipped", queueOffset, level);
                    offsets.put(level, queueOffset + 1);
                    continue;
                }
                MessageExtBrokerInner due = timeUp(msg);
                PutMessageResult put = store.putMessage(due);
                if (put.getPutMessageStatus() != PutMessageStatus.PUT_OK
                    && put.getPutMessageStatus() != PutMessageStatus.FLUSH_DISK_TIMEOUT
                    && put.getPutMessageStatus() != PutMessageStatus.FLUSH_SLAVE_TIMEOUT
                    && put.getPutMessageStatus() != PutMessageStatus.SLAVE_NOT_AVAILABLE) {
                    LOG.error("delivering delayed message {} of level {} to {} failed: {}", msg.getMsgId(), level,
                        msg.getProperty(MessageConst.PROPERTY_REAL_TOPIC), put.getPutMessageStatus());
                    return AFTER_ERROR_MILLIS;
                }
                countDelivery(level, due.getTopic(), put);
                offsets.put(level, queueOffset + 1);
            }
            offsets.put(level, Math.max(offsets.getOrDefault(level, 0L), result.getNextBeginOffset()));
            return 0;
        } finally {
            result.release();
        }
    }

    private void countDelivery(int level, String realTopic, PutMessageResult put) {
        if (!countDeliveries || put.getAppendMessageResult() == null) {
            return;
        }
        int num = put.getAppendMessageResult().getMsgNum();
        long bytes = put.getAppendMessageResult().getWroteBytes();
        stats.incQueueGetNums(STATS_GROUP, TopicNames.SCHEDULE_TOPIC, level - 1, num);
        stats.incQueueGetSize(STATS_GROUP, TopicNames.SCHEDULE_TOPIC, level - 1, bytes);
        stats.incGroupGetNums(STATS_GROUP, TopicNames.SCHEDULE_TOPIC, num);
        stats.incGroupGetSize(STATS_GROUP, TopicNames.SCHEDULE_TOPIC, bytes);
        stats.incTopicPutNums(realTopic, num, 1);
        stats.incTopicPutSize(realTopic, bytes);
        stats.incBrokerPutNums(num);
    }

    /** The message as delivered to its real topic and queue. */
    MessageExtBrokerInner timeUp(MessageExt delayed) {
        MessageExtBrokerInner msg = InnerMessages.copyOf(delayed, storeHost);
        msg.setTopic(delayed.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        String qid = delayed.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID);
        msg.setQueueId(qid == null ? 0 : Integer.parseInt(qid));
        MessageAccessor.clearProperty(msg, MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        msg.setWaitStoreMsgOK(false);
        InnerMessages.seal(msg, clusterName);
        return msg;
    }

    private final class DeliverTask implements Runnable {
        private final int level;

        DeliverTask(int level) {
            this.level = level;
        }

        @Override
        public void run() {
            long next;
            try {
                next = deliver(level);
            } catch (RuntimeException e) {
                LOG.error("delay level {} delivery failed", level, e);
                next = AFTER_ERROR_MILLIS;
            }
            schedule(this, next == 0 ? 1 : next);
        }
    }
}
