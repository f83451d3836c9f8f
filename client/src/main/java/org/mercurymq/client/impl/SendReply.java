package org.mercurymq.client.impl;

/**
 * A broker's answer to a send that stored the message, as read off the wire: the response code (one of
 * SUCCESS, FLUSH_DISK_TIMEOUT, FLUSH_SLAVE_TIMEOUT, SLAVE_NOT_AVAILABLE) and the reply header's fields. The
 * producer engine turns it into the public SendResult; the remoting API stays below the facades' packages
 * (docs/client.md, "Layers"). Immutable.
 */
public final class SendReply {
    private final int code;
    private final String offsetMsgId;
    private final int queueId;
    private final long queueOffset;
    private final String transactionId;
    private final String regionId;
    private final boolean traceOn;

    public SendReply(int code, String offsetMsgId, int queueId, long queueOffset, String transactionId, String regionId,
                     boolean traceOn) {
        this.code = code;
        this.offsetMsgId = offsetMsgId;
        this.queueId = queueId;
        this.queueOffset = queueOffset;
        this.transactionId = transactionId;
        this.regionId = regionId;
        this.traceOn = traceOn;
    }

    public int getCode() {
        return code;
    }

    public String getOffsetMsgId() {
        return offsetMsgId;
    }

    public int getQueueId() {
        return queueId;
    }

    public long getQueueOffset() {
        return queueOffset;
    }

    public String getTransactionId() {
        return transactionId;
    }

    /** The broker's region, "DefaultRegion" when it names none. */
    public String getRegionId() {
        return regionId;
    }

    public boolean isTraceOn() {
        return traceOn;
    }
}
