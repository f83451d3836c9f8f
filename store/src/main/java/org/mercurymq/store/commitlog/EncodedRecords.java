package org.mercurymq.store.commitlog;

import java.nio.ByteBuffer;
import org.mercurymq.store.PutMessageStatus;

/**
 * One or more stored records encoded back to back, with placeholders for the fields only known under
 * the append lock (queue offset, physical offset, store time). Or the reason encoding was refused.
 * Not thread-safe: it views the encoding thread's reusable buffer.
 */
final class EncodedRecords {
    final PutMessageStatus refusal;
    final String refusalReason;
    final ByteBuffer buffer;
    final int length;
    final int[] recordPositions;
    final int storeTimestampPosition;
    final int sysFlag;

    private EncodedRecords(PutMessageStatus refusal, String refusalReason, ByteBuffer buffer, int length,
                           int[] recordPositions, int storeTimestampPosition, int sysFlag) {
        this.refusal = refusal;
        this.refusalReason = refusalReason;
        this.buffer = buffer;
        this.length = length;
        this.recordPositions = recordPositions;
        this.storeTimestampPosition = storeTimestampPosition;
        this.sysFlag = sysFlag;
    }

    static EncodedRecords refused(PutMessageStatus status, String reason) {
        return new EncodedRecords(status, reason, null, 0, null, 0, 0);
    }

    static EncodedRecords of(ByteBuffer buffer, int length, int[] recordPositions, int storeTimestampPosition,
                             int sysFlag) {
        return new EncodedRecords(null, null, buffer, length, recordPositions, storeTimestampPosition, sysFlag);
    }

    boolean isRefused() {
        return refusal != null;
    }

    int count() {
        return recordPositions.length;
    }
}
