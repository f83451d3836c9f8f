package org.mercurymq.store;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageExtBatch;

/**
 * What the broker needs from the store. Lifecycle: {@link #load()} (lock, map and recover files), then
 * {@link #start()} (dispatch what recovery left, start background services, accept puts), then
 * {@link #shutdown()}. Implementations are thread-safe.
 */
public interface MessageStore {

    /** Locks the store directory, maps the files and recovers; throws {@link StoreException} on failure. */
    void load();

    void start();

    void shutdown();

    /** Deletes every file of the store (tests and tools). Call after {@link #shutdown()}. */
    void destroy();

    CompletableFuture<PutMessageResult> asyncPutMessage(MessageExtBrokerInner msg);

    CompletableFuture<PutMessageResult> asyncPutMessages(MessageExtBatch messageExtBatch);

    default PutMessageResult putMessage(MessageExtBrokerInner msg) {
        return asyncPutMessage(msg).join();
    }

    default PutMessageResult putMessages(MessageExtBatch messageExtBatch) {
        return asyncPutMessages(messageExtBatch).join();
    }

    /**
     * Up to {@code maxMsgNums} messages of a queue from {@code offset}, filtered. The caller must
     * {@link GetMessageResult#release()} the result. Throws IllegalStateException when not running.
     */
    GetMessageResult getMessage(String group, String topic, int queueId, long offset, int maxMsgNums,
                                MessageFilter messageFilter);

    /**
     * {@link #getMessage} for the broker's own background readers (delayed-message delivery): not counted in
     * the store's found/miss/transferred statistics, so an idle broker's runtime info shows no reads
     * (docs/statistics.md "Runtime info").
     */
    GetMessageResult getMessageUncounted(String group, String topic, int queueId, long offset, int maxMsgNums,
                                         MessageFilter messageFilter);

    /** The next offset to be written in the queue (0 when unknown). */
    long getMaxOffsetInQueue(String topic, int queueId);

    long getMinOffsetInQueue(String topic, int queueId);

    /** The commit-log offset of a queue entry, 0 when none. */
    long getCommitLogOffsetInQueue(String topic, int queueId, long consumeQueueOffset);

    /** docs/protocol/behaviour.md section 7 search; 0 for an unknown queue. */
    long getOffsetInQueueByTime(String topic, int queueId, long timestamp);

    MessageExt lookMessageByOffset(long commitLogOffset);

    /** The stored record at an offset, pinned (release it); null when gone. */
    SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset);

    SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset, int msgSize);

    QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end);

    long getMaxPhyOffset();

    long getMinPhyOffset();

    /** Store time of the oldest message of a queue, -1 when none. */
    long getEarliestMessageTime(String topic, int queueId);

    /** Store time of the oldest message in the commit log, -1 when none. */
    long getEarliestMessageTime();

    long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset);

    long getMessageTotalInQueue(String topic, int queueId);

    /** Whether the message at a queue offset has fallen out of the in-memory share (docs/protocol/behaviour.md 6/7). */
    boolean checkInDiskByConsumeOffset(String topic, int queueId, long consumeOffset);

    /** Raw commit-log bytes from an offset to the end of its segment (HA master), pinned; or null. */
    SelectMappedBufferResult getCommitLogData(long offset);

    /** Appends raw commit-log bytes at exactly {@code startOffset} (HA slave). */
    boolean appendToCommitLog(long startOffset, byte[] data, int dataStart, int dataLength);

    /** SLAVE: the master's HA address (host:port) to replicate from; ignored on a master. */
    void updateHaMasterAddress(String address);

    /** Master: the HA port actually bound (haListenPort, or the chosen one for 0); -1 on a slave. */
    int haListenPort();

    /** Master: the highest commit-log offset a slave acknowledged; slave: its own max offset. */
    long slaveAckOffset();

    /** Commit-log bytes not yet dispatched to consume queues. */
    long dispatchBehindBytes();

    /** DELETE_EXPIRED_COMMITLOG: delete expired segments on the next runs regardless of the hour. */
    void executeDeleteFilesManually();

    /** True when the store holds a consume queue for {@code topic}/{@code queueId}. */
    boolean hasConsumeQueue(String topic, int queueId);

    /**
     * Up to {@code count} raw entries from logical offset {@code index}, not beyond the end of the consume-queue
     * segment holding it (QUERY_CONSUME_QUEUE); null when the queue does not hold {@code index}.
     */
    List<ConsumeQueueEntry> readConsumeQueue(String topic, int queueId, long index, int count);

    /**
     * Applies the keys marked {@code runtime()} of {@code next} to the running store (retention, flush timings,
     * pull transfer limits, page-cache busy threshold); other keys of {@code next} are ignored until a restart.
     */
    void applyRuntimeConfig(MessageStoreConfig next);

    /** The config the running store currently reads its run-time keys from. */
    MessageStoreConfig liveConfig();

    /** Removes consume queues wholly below the commit-log min offset. */
    void cleanExpiredConsumerQueue();

    /** Removes consume queues of topics not in {@code retainTopics} (system topics are kept). */
    int cleanUnusedTopic(Set<String> retainTopics);

    /** Removes the consume queues of these topics. */
    int deleteTopics(Set<String> deleteTopics);

    /** True while an append has held the lock longer than osPageCacheBusyTimeOutMills. */
    boolean isOSPageCacheBusy();

    long lockTimeMills();

    /** Runtime statistics with RocketMQ's GET_BROKER_RUNTIME_INFO key names. */
    Map<String, String> getRuntimeInfo();

    StoreStats getStoreStats();

    MessageStoreConfig getMessageStoreConfig();

    /** Null when puts are accepted, else a readable reason. */
    String whyNotWriteable();

    /** Operator switch: make the store read-only or writable again. */
    void setWriteable(boolean writeable);

    Clock clock();

    default long now() {
        return clock().millis();
    }

    // ---- controller mode (docs/controller.md) ---------------------------------------------------

    /** The replication role now (the configured one; in controller mode the one the controller gave). */
    default BrokerRole role() {
        return BrokerRole.ASYNC_MASTER;
    }

    /** The epoch entries (controller mode); empty when there are none. */
    default java.util.List<org.mercurymq.store.ha.epoch.EpochEntry> epochEntries() {
        return java.util.List.of();
    }

    /** The last master epoch this store has data from, 0 when none. */
    default int lastEpoch() {
        return 0;
    }

    /**
     * Becomes the master of {@code epoch}: stops replicating, waits until everything replicated is dispatched,
     * records the epoch at the current max offset and serves slaves (which open with the controller-mode handshake).
     */
    default void changeToMaster(int epoch, long brokerId, java.util.Set<Long> syncStateSet, BrokerRole masterRole) {
        throw new UnsupportedOperationException("controller mode");
    }

    /** Becomes replica {@code brokerId} of the master at {@code masterHaAddress}; truncates on connecting if needed. */
    default void changeToSlave(String masterHaAddress, int epoch, long brokerId) {
        throw new UnsupportedOperationException("controller mode");
    }

    /** The SyncStateSet view of the current controller-mode master term, or null. */
    default org.mercurymq.store.ha.epoch.SyncStateSetTracker syncStateSetTracker() {
        return null;
    }

    /** The controller decided a SyncStateSet change (puts waiting for all members are re-checked). */
    default void onSyncStateSetDecided() {
    }
}
