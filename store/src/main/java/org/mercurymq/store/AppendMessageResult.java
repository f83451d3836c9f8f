package org.mercurymq.store;

import java.util.function.Supplier;

/** Where a record (or batch) landed in the commit log. Immutable once returned; thread-safe. */
public final class AppendMessageResult {
    private final AppendMessageStatus status;
    private final long wroteOffset;
    private final int wroteBytes;
    private final Supplier<String> msgIdSupplier;
    private final long storeTimestamp;
    private final long logicsOffset;
    private final int msgNum;
    private volatile String msgId;

    public AppendMessageResult(AppendMessageStatus status) {
        this(status, 0, 0, null, 0, 0, 0);
    }

    public AppendMessageResult(AppendMessageStatus status, long wroteOffset, int wroteBytes,
                               Supplier<String> msgIdSupplier, long storeTimestamp, long logicsOffset, int msgNum) {
        this.status = status;
        this.wroteOffset = wroteOffset;
        this.wroteBytes = wroteBytes;
        this.msgIdSupplier = msgIdSupplier;
        this.storeTimestamp = storeTimestamp;
        this.logicsOffset = logicsOffset;
        this.msgNum = msgNum;
    }

    public boolean isOk() {
        return status == AppendMessageStatus.PUT_OK;
    }

    public AppendMessageStatus getStatus() {
        return status;
    }

    /** Commit-log offset of the (first) record. */
    public long getWroteOffset() {
        return wroteOffset;
    }

    public int getWroteBytes() {
        return wroteBytes;
    }

    /** Offset id(s): one id, or comma-joined ids of every batch element. Computed on first use. */
    public String getMsgId() {
        String id = msgId;
        if (id == null && msgIdSupplier != null) {
            id = msgIdSupplier.get();
            msgId = id;
        }
        return id;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }

    /** Consume-queue offset of the (first) record. */
    public long getLogicsOffset() {
        return logicsOffset;
    }

    public int getMsgNum() {
        return msgNum;
    }

    @Override
    public String toString() {
        return "AppendMessageResult{status=" + status + ", wroteOffset=" + wroteOffset + ", wroteBytes=" + wroteBytes
            + ", storeTimestamp=" + storeTimestamp + ", logicsOffset=" + logicsOffset + ", msgNum=" + msgNum + '}';
    }
}
