package org.mercurymq.client.impl;

/**
 * A broker's answer to a pull, as read off the wire: the response code (one of SUCCESS, PULL_NOT_FOUND,
 * PULL_RETRY_IMMEDIATELY, PULL_OFFSET_MOVED), the reply header's offsets and the undecoded message bytes. The
 * consumer engine turns it into the public PullResult (docs/client.md, "Layers"). Immutable (the body array
 * is shared, not copied).
 */
public final class PullReply {
    private final int code;
    private final long nextBeginOffset;
    private final long minOffset;
    private final long maxOffset;
    private final long suggestWhichBrokerId;
    private final byte[] body;

    public PullReply(int code, long nextBeginOffset, long minOffset, long maxOffset, long suggestWhichBrokerId,
                     byte[] body) {
        this.code = code;
        this.nextBeginOffset = nextBeginOffset;
        this.minOffset = minOffset;
        this.maxOffset = maxOffset;
        this.suggestWhichBrokerId = suggestWhichBrokerId;
        this.body = body;
    }

    public int getCode() {
        return code;
    }

    public long getNextBeginOffset() {
        return nextBeginOffset;
    }

    public long getMinOffset() {
        return minOffset;
    }

    public long getMaxOffset() {
        return maxOffset;
    }

    public long getSuggestWhichBrokerId() {
        return suggestWhichBrokerId;
    }

    public byte[] getBody() {
        return body;
    }
}
