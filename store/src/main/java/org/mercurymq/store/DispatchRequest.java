package org.mercurymq.store;

import java.util.Map;

/**
 * What the dispatcher learned from one commit-log record: enough to write its consume-queue entry and
 * index keys. {@link #getMsgSize()} is &gt; 0 for a record, 0 for an end-of-file blank and -1 for bytes
 * that are not a valid record. Immutable; thread-safe.
 */
public final class DispatchRequest {
    private final String topic;
    private final int queueId;
    private final long commitLogOffset;
    private final int msgSize;
    private final long tagsCode;
    private final long storeTimestamp;
    private final long consumeQueueOffset;
    private final String keys;
    private final String uniqKey;
    private final int sysFlag;
    private final long preparedTransactionOffset;
    private final Map<String, String> propertiesMap;
    private final boolean success;

    public DispatchRequest(String topic, int queueId, long commitLogOffset, int msgSize, long tagsCode,
                           long storeTimestamp, long consumeQueueOffset, String keys, String uniqKey, int sysFlag,
                           long preparedTransactionOffset, Map<String, String> propertiesMap) {
        this.topic = topic;
        this.queueId = queueId;
        this.commitLogOffset = commitLogOffset;
        this.msgSize = msgSize;
        this.tagsCode = tagsCode;
        this.storeTimestamp = storeTimestamp;
        this.consumeQueueOffset = consumeQueueOffset;
        this.keys = keys;
        this.uniqKey = uniqKey;
        this.sysFlag = sysFlag;
        this.preparedTransactionOffset = preparedTransactionOffset;
        this.propertiesMap = propertiesMap;
        this.success = true;
    }

    private DispatchRequest(int size, boolean success) {
        this.topic = "";
        this.queueId = 0;
        this.commitLogOffset = 0;
        this.msgSize = size;
        this.tagsCode = 0;
        this.storeTimestamp = 0;
        this.consumeQueueOffset = 0;
        this.keys = "";
        this.uniqKey = null;
        this.sysFlag = 0;
        this.preparedTransactionOffset = 0;
        this.propertiesMap = null;
        this.success = success;
    }

    /** The end-of-file blank: jump to the next segment. */
    public static DispatchRequest blank() {
        return new DispatchRequest(0, true);
    }

    /** Not a record: the end of valid data. */
    public static DispatchRequest invalid() {
        return new DispatchRequest(-1, false);
    }

    public boolean isSuccess() {
        return success;
    }

    public String getTopic() {
        return topic;
    }

    public int getQueueId() {
        return queueId;
    }

    public long getCommitLogOffset() {
        return commitLogOffset;
    }

    public int getMsgSize() {
        return msgSize;
    }

    public long getTagsCode() {
        return tagsCode;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    public long getConsumeQueueOffset() {
        return consumeQueueOffset;
    }

    public String getKeys() {
        return keys;
    }

    public String getUniqKey() {
        return uniqKey;
    }

    public int getSysFlag() {
        return sysFlag;
    }

    public long getPreparedTransactionOffset() {
        return preparedTransactionOffset;
    }

    public Map<String, String> getPropertiesMap() {
        return propertiesMap;
    }
}
