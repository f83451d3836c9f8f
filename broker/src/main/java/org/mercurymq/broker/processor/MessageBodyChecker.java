package org.mercurymq.broker.processor;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.mercurymq.common.sysflag.MessageSysFlag;

/**
 * Refuses poison message bodies at send time (docs/broker.md, "Input validation"): an empty body, and a body
 * flagged compressed (sysFlag bit 0) with zlib compression that does not inflate completely. A stored poison
 * record would stall official 4.9.x consumers on its queue for good, so it is never acknowledged. The zlib check
 * streams the body through one 8 KiB scratch buffer and keeps nothing; it runs only when the flag is set, and
 * gives up on bodies that would inflate past {@code maxInflatedBytes}. LZ4 and ZSTD bodies are not checked
 * (no codec is bundled). Stateless and thread-safe.
 */
final class MessageBodyChecker {
    /** Element layout of a batch body: totalSize, magic, bodyCRC, flag, bodyLength, body, propertiesLength. */
    private static final int BATCH_ELEMENT_FIXED = 4 + 4 + 4 + 4 + 4 + 2;
    private static final int BATCH_BODY_LENGTH_OFFSET = 16;

    private final long maxInflatedBytes;

    MessageBodyChecker(long maxInflatedBytes) {
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /** Null when a single message's body is acceptable, else why not. */
    String checkSingle(byte[] body, int sysFlag) {
        if (body == null || body.length == 0) {
            return "the message body is empty; a message needs a body of at least one byte";
        }
        return checkCompressed(body, 0, body.length, sysFlag, "the message body");
    }

    /**
     * Null when every element of a batch body has an acceptable body, else why not (naming the element). A
     * malformed element layout is left to the store, which refuses it.
     */
    String checkBatch(byte[] batchBody, int sysFlag) {
        if (batchBody == null || batchBody.length == 0) {
            return "the batch is empty";
        }
        ByteBuffer in = ByteBuffer.wrap(batchBody);
        int index = 0;
        while (in.remaining() >= BATCH_ELEMENT_FIXED) {
            int start = in.position();
            int size = in.getInt(start);
            int bodyLength = in.getInt(start + BATCH_BODY_LENGTH_OFFSET);
            if (size < BATCH_ELEMENT_FIXED || size > in.remaining() || bodyLength < 0
                || bodyLength > size - BATCH_ELEMENT_FIXED) {
                return null;
            }
            if (bodyLength == 0) {
                return "message " + index + " of the batch has an empty body; the batch is refused, nothing stored";
            }
            String bad = checkCompressed(batchBody, start + BATCH_BODY_LENGTH_OFFSET + 4, bodyLength, sysFlag,
                "the body of message " + index + " of the batch");
            if (bad != null) {
                return bad + "; the batch is refused, nothing stored";
            }
            in.position(start + size);
            index++;
        }
        return null;
    }

    private String checkCompressed(byte[] buf, int offset, int length, int sysFlag, String what) {
        if ((sysFlag & MessageSysFlag.COMPRESSED_FLAG) == 0) {
            return null;
        }
        int type = MessageSysFlag.getCompressionType(sysFlag);
        if (type != 0 && type != MessageSysFlag.getCompressionType(MessageSysFlag.COMPRESSION_ZLIB_TYPE)) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(buf, offset, length);
            byte[] scratch = new byte[8192];
            long inflated = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(scratch);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return what + " is flagged compressed (sysFlag bit 0) but is not complete zlib data";
                }
                inflated += n;
                if (inflated > maxInflatedBytes) {
                    return what + " inflates to more than " + maxInflatedBytes + " bytes";
                }
            }
            return null;
        } catch (DataFormatException e) {
            return what + " is flagged compressed (sysFlag bit 0) but is not zlib data (" + e.getMessage() + ")";
        } finally {
            inflater.end();
        }
    }
}
