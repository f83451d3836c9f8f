package org.mercurymq.common.message;

import java.nio.ByteBuffer;

/**
 * A batch as the broker hands it to the store: the request's topic, queue, sysFlag, hosts and
 * batch-level properties, with the batch body (section 6 records) in {@link #getBody()}.
 * Not thread-safe.
 */
public class MessageExtBatch extends MessageExt {
    private static final long serialVersionUID = -2353110995348498537L;

    private ByteBuffer encodedBuff;

    public ByteBuffer wrap() {
        return ByteBuffer.wrap(getBody(), 0, getBody().length);
    }

    public ByteBuffer getEncodedBuff() {
        return encodedBuff;
    }

    public void setEncodedBuff(ByteBuffer encodedBuff) {
        this.encodedBuff = encodedBuff;
    }
}
