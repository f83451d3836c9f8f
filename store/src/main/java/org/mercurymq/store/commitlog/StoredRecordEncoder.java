package org.mercurymq.store.commitlog;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageExtBatch;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.PutMessageStatus;

/**
 * Encodes messages into the stored layout (docs/protocol/message-format.md section 2) in a reusable buffer, outside
 * the append lock. Checks the limits: topic at most 127 bytes, properties at most 32767 bytes, body at
 * most maxMessageSize, record at most maxMessageSize + 64 KiB and small enough for one segment.
 * Not thread-safe: one instance per appending thread.
 */
final class StoredRecordEncoder {
    private static final int RECORD_OVERHEAD_LIMIT = 64 * 1024;
    private static final int INITIAL_CAPACITY = 64 * 1024;

    private final int maxMessageSize;
    private final int maxRecordSize;
    private final int segmentSize;
    private final CRC32 crc32 = new CRC32();
    private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_CAPACITY);

    StoredRecordEncoder(int maxMessageSize, int segmentSize) {
        this.maxMessageSize = maxMessageSize;
        this.maxRecordSize = maxMessageSize + RECORD_OVERHEAD_LIMIT;
        this.segmentSize = segmentSize;
    }

    EncodedRecords encode(MessageExtBrokerInner msg) {
        if (msg.getBornHost() == null || msg.getStoreHost() == null) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL, "bornHost and storeHost must be set");
        }
        byte[] topic = msg.getTopic() == null ? new byte[0] : msg.getTopic().getBytes(StandardCharsets.UTF_8);
        if (topic.length == 0 || topic.length > Byte.MAX_VALUE) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL,
                "topic must be 1.." + Byte.MAX_VALUE + " bytes, was " + topic.length);
        }
        byte[] properties = msg.getPropertiesString().getBytes(StandardCharsets.UTF_8);
        if (properties.length > Short.MAX_VALUE) {
            return EncodedRecords.refused(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED,
                "properties are " + properties.length + " bytes, at most " + Short.MAX_VALUE + " allowed");
        }
        byte[] body = msg.getBody() == null ? new byte[0] : msg.getBody();
        if (body.length > maxMessageSize) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL,
                "body is " + body.length + " bytes, maxMessageSize is " + maxMessageSize);
        }
        int sysFlag = hostFlags(msg.getSysFlag(), msg.getBornHost(), msg.getStoreHost());
        int length = MessageDecoder.calMsgLength(sysFlag, body.length, topic.length, properties.length);
        EncodedRecords tooLarge = checkRecordSize(length);
        if (tooLarge != null) {
            return tooLarge;
        }
        ByteBuffer out = ensureCapacity(length);
        out.clear();
        writeRecord(out, length, crc(body, 0, body.length), msg.getQueueId(), msg.getFlag(), sysFlag, msg, body, 0,
            body.length, topic, properties, properties.length, msg.getPreparedTransactionOffset(),
            msg.getReconsumeTimes());
        msg.setSysFlag(sysFlag);
        return EncodedRecords.of(out, length, new int[] {0}, MessageDecoder.storeTimestampPosition(sysFlag), sysFlag);
    }

    /**
     * Encodes each element of a batch body (docs/protocol/message-format.md section 6) as its own record: element
     * flag, body and properties plus the batch properties; everything else from the batch.
     */
    EncodedRecords encodeBatch(MessageExtBatch batch) {
        if (batch.getBornHost() == null || batch.getStoreHost() == null) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL, "bornHost and storeHost must be set");
        }
        if (MessageSysFlag.getTransactionValue(batch.getSysFlag()) != MessageSysFlag.TRANSACTION_NOT_TYPE) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL, "transactional batches are not supported");
        }
        if (batch.getDelayTimeLevel() > 0) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL, "batches cannot carry a delay level");
        }
        byte[] topic = batch.getTopic() == null ? new byte[0] : batch.getTopic().getBytes(StandardCharsets.UTF_8);
        if (topic.length == 0 || topic.length > Byte.MAX_VALUE) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL,
                "topic must be 1.." + Byte.MAX_VALUE + " bytes, was " + topic.length);
        }
        byte[] batchProps = MessageDecoder.messageProperties2String(batch.getProperties())
            .getBytes(StandardCharsets.UTF_8);
        int sysFlag = hostFlags(batch.getSysFlag(), batch.getBornHost(), batch.getStoreHost());
        byte[] body = batch.getBody();
        if (body == null || body.length == 0) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL, "empty batch");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        int total = 0;
        int count = 0;
        // first pass: validate and size
        while (in.hasRemaining()) {
            if (in.remaining() < 22) {
                return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL, "truncated batch element");
            }
            int start = in.position();
            int elementSize = in.getInt(start);
            int bodyLen = in.getInt(start + 16);
            if (elementSize < 22 || elementSize > in.remaining() || bodyLen < 0 || bodyLen > elementSize - 22) {
                return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL, "malformed batch element");
            }
            if (bodyLen > maxMessageSize) {
                return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL,
                    "body is " + bodyLen + " bytes, maxMessageSize is " + maxMessageSize);
            }
            short propLen = in.getShort(start + 20 + bodyLen);
            if (propLen < 0 || 22 + bodyLen + propLen != elementSize) {
                return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL, "malformed batch element");
            }
            int storedProps = joinedPropertiesLength(propLen, in, start + 22 + bodyLen, batchProps.length);
            if (storedProps > Short.MAX_VALUE) {
                return EncodedRecords.refused(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED,
                    "properties are " + storedProps + " bytes, at most " + Short.MAX_VALUE + " allowed");
            }
            total += MessageDecoder.calMsgLength(sysFlag, bodyLen, topic.length, storedProps);
            count++;
            in.position(start + elementSize);
        }
        EncodedRecords tooLarge = checkRecordSize(total);
        if (tooLarge != null) {
            return tooLarge;
        }
        ByteBuffer out = ensureCapacity(total);
        out.clear();
        int[] positions = new int[count];
        in.position(0);
        for (int i = 0; i < count; i++) {
            int start = in.position();
            int elementSize = in.getInt(start);
            int flag = in.getInt(start + 12);
            int bodyLen = in.getInt(start + 16);
            short propLen = in.getShort(start + 20 + bodyLen);
            int propStart = start + 22 + bodyLen;
            byte[] props = joinProperties(body, propStart, propLen, batchProps);
            int length = MessageDecoder.calMsgLength(sysFlag, bodyLen, topic.length, props.length);
            positions[i] = out.position();
            writeRecord(out, length, crc(body, start + 20, bodyLen), batch.getQueueId(), flag, sysFlag, batch, body,
                start + 20, bodyLen, topic, props, props.length, 0, batch.getReconsumeTimes());
            in.position(start + elementSize);
        }
        batch.setSysFlag(sysFlag);
        return EncodedRecords.of(out, total, positions, MessageDecoder.storeTimestampPosition(sysFlag), sysFlag);
    }

    private EncodedRecords checkRecordSize(int length) {
        if (length > maxRecordSize) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL,
                "record is " + length + " bytes, more than maxMessageSize + 64 KiB");
        }
        if (length + CommitLog.END_FILE_MIN_BLANK_LENGTH > segmentSize) {
            return EncodedRecords.refused(PutMessageStatus.MESSAGE_ILLEGAL,
                "record is " + length + " bytes and cannot fit into a " + segmentSize + "-byte commit-log segment");
        }
        return null;
    }

    private static boolean needsSeparator(byte[] src, int propStart, int propLen, int batchPropsLength) {
        return propLen > 0 && batchPropsLength > 0 && src[propStart + propLen - 1] != MessageDecoder.PROPERTY_SEPARATOR;
    }

    private static int joinedPropertiesLength(short propLen, ByteBuffer in, int propStart, int batchPropsLength) {
        boolean sep = propLen > 0 && batchPropsLength > 0
            && in.get(propStart + propLen - 1) != MessageDecoder.PROPERTY_SEPARATOR;
        return propLen + batchPropsLength + (sep ? 1 : 0);
    }

    private static byte[] joinProperties(byte[] src, int propStart, int propLen, byte[] batchProps) {
        boolean sep = needsSeparator(src, propStart, propLen, batchProps.length);
        byte[] out = new byte[propLen + batchProps.length + (sep ? 1 : 0)];
        System.arraycopy(src, propStart, out, 0, propLen);
        int pos = propLen;
        if (sep) {
            out[pos++] = (byte) MessageDecoder.PROPERTY_SEPARATOR;
        }
        System.arraycopy(batchProps, 0, out, pos, batchProps.length);
        return out;
    }

    private static void writeRecord(ByteBuffer out, int length, int bodyCrc, int queueId, int flag, int sysFlag,
                                    MessageExt msg, byte[] body, int bodyOffset, int bodyLength, byte[] topic,
                                    byte[] properties, int propertiesLength, long preparedTransactionOffset,
                                    int reconsumeTimes) {
        out.putInt(length);
        out.putInt(MessageDecoder.MESSAGE_MAGIC_CODE);
        out.putInt(bodyCrc);
        out.putInt(queueId);
        out.putInt(flag);
        out.putLong(0); // QUEUEOFFSET, patched under the lock
        out.putLong(0); // PHYSICALOFFSET, patched under the lock
        out.putInt(sysFlag);
        out.putLong(msg.getBornTimestamp());
        putHost(out, msg.getBornHost());
        out.putLong(0); // STORETIMESTAMP, patched under the lock
        putHost(out, msg.getStoreHost());
        out.putInt(reconsumeTimes);
        out.putLong(preparedTransactionOffset);
        out.putInt(bodyLength);
        out.put(body, bodyOffset, bodyLength);
        out.put((byte) topic.length);
        out.put(topic);
        out.putShort((short) propertiesLength);
        out.put(properties, 0, propertiesLength);
    }

    private static void putHost(ByteBuffer out, SocketAddress host) {
        InetSocketAddress address = (InetSocketAddress) host;
        out.put(address.getAddress().getAddress());
        out.putInt(address.getPort());
    }

    private static int hostFlags(int sysFlag, SocketAddress bornHost, SocketAddress storeHost) {
        int flag = sysFlag & ~(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
        if (((InetSocketAddress) bornHost).getAddress() instanceof Inet6Address) {
            flag |= MessageSysFlag.BORNHOST_V6_FLAG;
        }
        if (((InetSocketAddress) storeHost).getAddress() instanceof Inet6Address) {
            flag |= MessageSysFlag.STOREHOSTADDRESS_V6_FLAG;
        }
        return flag;
    }

    private int crc(byte[] data, int offset, int length) {
        crc32.reset();
        crc32.update(data, offset, length);
        return (int) (crc32.getValue() & 0x7FFFFFFF);
    }

    private ByteBuffer ensureCapacity(int length) {
        if (buffer.capacity() < length) {
            int cap = buffer.capacity();
            while (cap < length) {
                cap = Math.min(Math.max(cap * 2, length), Math.max(length, maxRecordSize));
            }
            buffer = ByteBuffer.allocate(cap);
        }
        return buffer;
    }
}
