package org.mercurymq.store;

/** A put's status and, when something was written, where. Immutable; thread-safe. */
public final class PutMessageResult {
    private final PutMessageStatus putMessageStatus;
    private final AppendMessageResult appendMessageResult;

    public PutMessageResult(PutMessageStatus putMessageStatus, AppendMessageResult appendMessageResult) {
        this.putMessageStatus = putMessageStatus;
        this.appendMessageResult = appendMessageResult;
    }

    public static PutMessageResult refused(PutMessageStatus status) {
        return new PutMessageResult(status, null);
    }

    /** True when the message is stored (even if the flush or replica wait then timed out). */
    public boolean isOk() {
        return appendMessageResult != null && appendMessageResult.isOk();
    }

    public PutMessageStatus getPutMessageStatus() {
        return putMessageStatus;
    }

    public AppendMessageResult getAppendMessageResult() {
        return appendMessageResult;
    }

    public PutMessageResult withStatus(PutMessageStatus status) {
        return new PutMessageResult(status, appendMessageResult);
    }

    @Override
    public String toString() {
        return "PutMessageResult{status=" + putMessageStatus + ", append=" + appendMessageResult + '}';
    }
}
