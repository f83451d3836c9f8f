package org.mercurymq.store.commitlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.zip.CRC32;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.store.DelayLevels;
import org.mercurymq.store.DispatchRequest;
import org.mercurymq.store.MessageExtBrokerInner;

/**
 * Parses and validates one commit-log record for dispatch and recovery. A record is valid when its
 * magic is v1, its TOTALSIZE matches its field lengths and fits the bytes available, its PHYSICALOFFSET
 * is where it was read from, and (optionally) its body CRC matches. Stateless; thread-safe.
 */
public final class RecordReader {
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    private static final int MIN_RECORD = MessageDecoder.calMsgLength(0, 0, 0, 0);

    private final DelayLevels delayLevels;

    public RecordReader(DelayLevels delayLevels) {
        this.delayLevels = delayLevels;
    }

    /**
     * Reads the record at the buffer's position (which must be the commit-log offset
     * {@code expectedOffset}) and advances past it when valid.
     */
    public DispatchRequest read(ByteBuffer buf, long expectedOffset, boolean checkCRC) {
        int base = buf.position();
        int available = buf.limit() - base;
        if (available < 8) {
            return DispatchRequest.invalid();
        }
        int totalSize = buf.getInt(base);
        int magic = buf.getInt(base + 4);
        if (magic == MessageDecoder.BLANK_MAGIC_CODE) {
            return DispatchRequest.blank();
        }
        if (magic != MessageDecoder.MESSAGE_MAGIC_CODE || totalSize < MIN_RECORD || totalSize > available) {
            return DispatchRequest.invalid();
        }
        int bodyCRC = buf.getInt(base + 8);
        int queueId = buf.getInt(base + 12);
        long queueOffset = buf.getLong(base + MessageDecoder.QUEUE_OFFSET_POSITION);
        long physicOffset = buf.getLong(base + MessageDecoder.PHY_POS_POSITION);
        int sysFlag = buf.getInt(base + MessageDecoder.SYSFLAG_POSITION);
        long storeTimestamp = buf.getLong(base + MessageDecoder.storeTimestampPosition(sysFlag));
        int bodyLenPos = MessageDecoder.bodySizePosition(sysFlag);
        if (bodyLenPos + 4 > totalSize) {
            return DispatchRequest.invalid();
        }
        long preparedTransactionOffset = buf.getLong(base + bodyLenPos - 8);
        int bodyLen = buf.getInt(base + bodyLenPos);
        // subtraction, not addition: a garbage length near 2^31 must not overflow past the check
        if (bodyLen < 0 || bodyLen > totalSize - bodyLenPos - 4 - 1) {
            return DispatchRequest.invalid();
        }
        int topicLenPos = bodyLenPos + 4 + bodyLen;
        int topicLen = buf.get(base + topicLenPos);
        if (topicLen <= 0 || topicLenPos + 1 + topicLen + 2 > totalSize) {
            return DispatchRequest.invalid();
        }
        int propLenPos = topicLenPos + 1 + topicLen;
        short propLen = buf.getShort(base + propLenPos);
        if (propLen < 0 || MessageDecoder.calMsgLength(sysFlag, bodyLen, topicLen, propLen) != totalSize) {
            return DispatchRequest.invalid();
        }
        if (expectedOffset >= 0 && physicOffset != expectedOffset) {
            return DispatchRequest.invalid();
        }
        if (checkCRC && bodyLen > 0) {
            CRC32 crc32 = new CRC32();
            crc32.update(buf.slice(base + bodyLenPos + 4, bodyLen));
            if ((int) (crc32.getValue() & 0x7FFFFFFF) != bodyCRC) {
                return DispatchRequest.invalid();
            }
        }
        String topic = string(buf, base + topicLenPos + 1, topicLen);
        Map<String, String> properties = propLen > 0
            ? MessageDecoder.string2messageProperties(string(buf, base + propLenPos + 2, propLen))
            : Collections.<String, String>emptyMap();
        String keys = properties.get(MessageConst.PROPERTY_KEYS);
        String uniqKey = properties.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        long tagsCode = MessageExtBrokerInner.tagsString2tagsCode(properties.get(MessageConst.PROPERTY_TAGS));
        String delay = properties.get(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        if (SCHEDULE_TOPIC.equals(topic) && delay != null) {
            int level = parseLevel(delay);
            if (level > 0) {
                tagsCode = storeTimestamp + delayLevels.delayMillis(level);
            }
        }
        buf.position(base + totalSize);
        return new DispatchRequest(topic, queueId, physicOffset, totalSize, tagsCode, storeTimestamp, queueOffset,
            keys == null ? "" : keys, uniqKey, sysFlag, preparedTransactionOffset, properties);
    }

    private static int parseLevel(String delay) {
        try {
            return Integer.parseInt(delay.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String string(ByteBuffer buf, int pos, int len) {
        byte[] bytes = new byte[len];
        buf.get(pos, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
