package org.mercurymq.common.message;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.mercurymq.common.sysflag.MessageSysFlag;

/**
 * Codecs for the stored message layout (docs/protocol/message-format.md section 2, also the wire format of pull
 * replies), the property string (section 4), batch bodies (section 6) and offset ids (section 7.2).
 * Stateless and thread-safe.
 */
public class MessageDecoder {
    public static final int MSG_ID_LENGTH = 8 + 8;
    public static final Charset CHARSET_UTF8 = Charset.forName("UTF-8");
    public static final int MESSAGE_MAGIC_CODE_POSTION = 4;
    public static final int MESSAGE_FLAG_POSTION = 16;
    public static final int MESSAGE_PHYSIC_OFFSET_POSTION = 28;
    public static final int MESSAGE_STORE_TIMESTAMP_POSTION = 56;
    public static final int MESSAGE_MAGIC_CODE = -626843481;
    public static final int BLANK_MAGIC_CODE = -875286124;
    public static final char NAME_VALUE_SEPARATOR = 1;
    public static final char PROPERTY_SEPARATOR = 2;
    public static final int PHY_POS_POSITION = 4 + 4 + 4 + 4 + 4 + 8;
    public static final int QUEUE_OFFSET_POSITION = 4 + 4 + 4 + 4 + 4;
    public static final int SYSFLAG_POSITION = 4 + 4 + 4 + 4 + 4 + 8 + 8;
    public static final int BORN_TIMESTAMP_POSITION = SYSFLAG_POSITION + 4;
    public static final int BODY_SIZE_POSITION = 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 4 + 8;

    /** The whole stored record length for the given field sizes (91 + n + t + p for IPv4 hosts). */
    public static int calMsgLength(int sysFlag, int bodyLength, int topicLength, int propertiesLength) {
        int bornhostLength = (sysFlag & MessageSysFlag.BORNHOST_V6_FLAG) == 0 ? 8 : 20;
        int storehostAddressLength = (sysFlag & MessageSysFlag.STOREHOSTADDRESS_V6_FLAG) == 0 ? 8 : 20;
        return 4 // TOTALSIZE
            + 4 // MAGICCODE
            + 4 // BODYCRC
            + 4 // QUEUEID
            + 4 // FLAG
            + 8 // QUEUEOFFSET
            + 8 // PHYSICALOFFSET
            + 4 // SYSFLAG
            + 8 // BORNTIMESTAMP
            + bornhostLength // BORNHOST
            + 8 // STORETIMESTAMP
            + storehostAddressLength // STOREHOSTADDRESS
            + 4 // RECONSUMETIMES
            + 8 // Prepared Transaction Offset
            + 4 + Math.max(bodyLength, 0) // BODY
            + 1 + topicLength // TOPIC
            + 2 + Math.max(propertiesLength, 0); // propertiesLength
    }

    /** Position of STORETIMESTAMP in a record with this sysFlag. */
    public static int storeTimestampPosition(int sysFlag) {
        return BORN_TIMESTAMP_POSITION + 8 + ((sysFlag & MessageSysFlag.BORNHOST_V6_FLAG) == 0 ? 8 : 20);
    }

    /** Position of BODY LENGTH in a record with this sysFlag. */
    public static int bodySizePosition(int sysFlag) {
        return storeTimestampPosition(sysFlag) + 8
            + ((sysFlag & MessageSysFlag.STOREHOSTADDRESS_V6_FLAG) == 0 ? 8 : 20) + 4 + 8;
    }

    /** Offset id from the store host bytes in {@code addr} (8 or 20 bytes, flipped) and an offset. */
    public static String createMessageId(final ByteBuffer input, final ByteBuffer addr, final long offset) {
        input.flip();
        int msgIDLength = addr.limit() == 8 ? 16 : 28;
        input.limit(msgIDLength);
        input.put(addr);
        input.putLong(offset);
        return Hex.encode(input.array());
    }

    public static String createMessageId(SocketAddress socketAddress, long offset) {
        InetSocketAddress inetSocketAddress = (InetSocketAddress) socketAddress;
        int msgIDLength = inetSocketAddress.getAddress() instanceof Inet4Address ? 16 : 28;
        ByteBuffer byteBuffer = ByteBuffer.allocate(msgIDLength);
        byteBuffer.put(inetSocketAddress.getAddress().getAddress());
        byteBuffer.putInt(inetSocketAddress.getPort());
        byteBuffer.putLong(offset);
        return Hex.encode(byteBuffer.array());
    }

    /** Decodes an offset id: 32 hex chars = IPv4 host, any other length = IPv6 host. */
    public static MessageId decodeMessageId(final String msgId) throws UnknownHostException {
        byte[] bytes = Hex.decode(msgId);
        int ipLength = msgId.length() == 32 ? 4 : 16;
        if (bytes.length != ipLength + 12) {
            throw new IllegalArgumentException("offset message id must be 32 or 56 hex chars: " + msgId);
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes);
        byte[] ip = new byte[ipLength];
        bb.get(ip);
        int port = bb.getInt();
        long offset = bb.getLong();
        return new MessageId(new InetSocketAddress(InetAddress.getByAddress(ip), port), offset);
    }

    /** Reads the properties of the stored record starting at the buffer's position; null when it has none. */
    public static Map<String, String> decodeProperties(ByteBuffer byteBuffer) {
        int base = byteBuffer.position();
        int sysFlag = byteBuffer.getInt(base + SYSFLAG_POSITION);
        int bodySizePosition = base + bodySizePosition(sysFlag);
        int topicLengthPosition = bodySizePosition + 4 + byteBuffer.getInt(bodySizePosition);
        byte topicLength = byteBuffer.get(topicLengthPosition);
        short propertiesLength = byteBuffer.getShort(topicLengthPosition + 1 + topicLength);
        byteBuffer.position(topicLengthPosition + 1 + topicLength + 2);
        if (propertiesLength > 0) {
            byte[] properties = new byte[propertiesLength];
            byteBuffer.get(properties);
            return string2messageProperties(new String(properties, CHARSET_UTF8));
        }
        return null;
    }

    public static MessageExt decode(ByteBuffer byteBuffer) {
        return decode(byteBuffer, true, true, false);
    }

    public static MessageExt clientDecode(ByteBuffer byteBuffer, final boolean readBody) {
        return decode(byteBuffer, readBody, true, true);
    }

    public static MessageExt decode(ByteBuffer byteBuffer, final boolean readBody) {
        return decode(byteBuffer, readBody, true, false);
    }

    public static MessageExt decode(ByteBuffer byteBuffer, final boolean readBody, final boolean deCompressBody) {
        return decode(byteBuffer, readBody, deCompressBody, false);
    }

    public static MessageExt decode(ByteBuffer byteBuffer, final boolean readBody, final boolean deCompressBody,
                                    final boolean isClient) {
        return decode(byteBuffer, readBody, deCompressBody, isClient, false);
    }

    /**
     * Decodes one stored record at the buffer's position and advances past it. Returns null (and moves
     * the position to the limit) when the bytes are not a complete record or, with {@code checkCRC},
     * when the body CRC does not match.
     */
    public static MessageExt decode(ByteBuffer byteBuffer, final boolean readBody, final boolean deCompressBody,
                                    final boolean isClient, final boolean checkCRC) {
        try {
            MessageExt msgExt = isClient ? new MessageClientExt() : new MessageExt();
            int storeSize = byteBuffer.getInt();
            msgExt.setStoreSize(storeSize);
            byteBuffer.getInt(); // MAGICCODE: ignored, like the 4.9.x client
            int bodyCRC = byteBuffer.getInt();
            msgExt.setBodyCRC(bodyCRC);
            msgExt.setQueueId(byteBuffer.getInt());
            msgExt.setFlag(byteBuffer.getInt());
            msgExt.setQueueOffset(byteBuffer.getLong());
            long physicOffset = byteBuffer.getLong();
            msgExt.setCommitLogOffset(physicOffset);
            int sysFlag = byteBuffer.getInt();
            msgExt.setSysFlag(sysFlag);
            msgExt.setBornTimestamp(byteBuffer.getLong());
            msgExt.setBornHost(readHost(byteBuffer, (sysFlag & MessageSysFlag.BORNHOST_V6_FLAG) != 0));
            msgExt.setStoreTimestamp(byteBuffer.getLong());
            int storeHostPosition = byteBuffer.position();
            boolean storeV6 = (sysFlag & MessageSysFlag.STOREHOSTADDRESS_V6_FLAG) != 0;
            msgExt.setStoreHost(readHost(byteBuffer, storeV6));
            msgExt.setReconsumeTimes(byteBuffer.getInt());
            msgExt.setPreparedTransactionOffset(byteBuffer.getLong());
            int bodyLen = byteBuffer.getInt();
            if (bodyLen > byteBuffer.remaining()) {
                // a garbage length would otherwise allocate up to 2 GiB before the read fails
                throw new IOException("body length " + bodyLen + " but " + byteBuffer.remaining() + " bytes remain");
            }
            if (bodyLen > 0) {
                if (readBody) {
                    byte[] body = new byte[bodyLen];
                    byteBuffer.get(body);
                    if (checkCRC && crc32(body) != bodyCRC) {
                        throw new IOException("body CRC mismatch");
                    }
                    if (deCompressBody && (sysFlag & MessageSysFlag.COMPRESSED_FLAG) == MessageSysFlag.COMPRESSED_FLAG) {
                        body = BodyCompression.decompress(body, sysFlag);
                    }
                    msgExt.setBody(body);
                } else {
                    byteBuffer.position(byteBuffer.position() + bodyLen);
                }
            }
            byte topicLen = byteBuffer.get();
            byte[] topic = new byte[topicLen];
            byteBuffer.get(topic);
            msgExt.setTopic(new String(topic, CHARSET_UTF8));
            short propertiesLength = byteBuffer.getShort();
            if (propertiesLength > 0) {
                byte[] properties = new byte[propertiesLength];
                byteBuffer.get(properties);
                msgExt.setProperties(string2messageProperties(new String(properties, CHARSET_UTF8)));
            }
            int hostLength = storeV6 ? 20 : 8;
            ByteBuffer idBuffer = ByteBuffer.allocate(hostLength + 8);
            idBuffer.put(copy(byteBuffer, storeHostPosition, hostLength));
            idBuffer.putLong(physicOffset);
            String offsetId = Hex.encode(idBuffer.array());
            if (isClient) {
                ((MessageClientExt) msgExt).setOffsetMsgId(offsetId);
            } else {
                msgExt.setMsgId(offsetId);
            }
            return msgExt;
        } catch (Exception e) {
            byteBuffer.position(byteBuffer.limit());
        }
        return null;
    }

    private static byte[] copy(ByteBuffer buffer, int position, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = buffer.get(position + i);
        }
        return out;
    }

    private static SocketAddress readHost(ByteBuffer byteBuffer, boolean v6) throws UnknownHostException {
        byte[] address = new byte[v6 ? 16 : 4];
        byteBuffer.get(address);
        int port = byteBuffer.getInt();
        return new InetSocketAddress(InetAddress.getByAddress(address), port);
    }

    static int crc32(byte[] body) {
        CRC32 crc32 = new CRC32();
        crc32.update(body, 0, body.length);
        return (int) (crc32.getValue() & 0x7FFFFFFF);
    }

    /** Encodes a message into the stored layout (used for reply bodies such as CHECK_TRANSACTION_STATE). */
    public static byte[] encode(MessageExt messageExt, boolean needCompress) throws IOException {
        byte[] body = messageExt.getBody() == null ? new byte[0] : messageExt.getBody();
        int sysFlag = messageExt.getSysFlag();
        if (needCompress && (sysFlag & MessageSysFlag.COMPRESSED_FLAG) == MessageSysFlag.COMPRESSED_FLAG) {
            body = BodyCompression.compress(body, BodyCompression.DEFAULT_LEVEL);
        }
        byte[] topics = messageExt.getTopic().getBytes(CHARSET_UTF8);
        byte[] propertiesBytes = messageProperties2String(messageExt.getProperties()).getBytes(CHARSET_UTF8);
        if (topics.length > Byte.MAX_VALUE || propertiesBytes.length > Short.MAX_VALUE) {
            throw new IOException("topic or properties too long to encode");
        }
        int storeSize = calMsgLength(sysFlag, body.length, topics.length, propertiesBytes.length);
        ByteBuffer byteBuffer = ByteBuffer.allocate(storeSize);
        byteBuffer.putInt(storeSize);
        byteBuffer.putInt(MESSAGE_MAGIC_CODE);
        byteBuffer.putInt(messageExt.getBodyCRC());
        byteBuffer.putInt(messageExt.getQueueId());
        byteBuffer.putInt(messageExt.getFlag());
        byteBuffer.putLong(messageExt.getQueueOffset());
        byteBuffer.putLong(messageExt.getCommitLogOffset());
        byteBuffer.putInt(sysFlag);
        byteBuffer.putLong(messageExt.getBornTimestamp());
        putHost(byteBuffer, messageExt.getBornHost());
        byteBuffer.putLong(messageExt.getStoreTimestamp());
        putHost(byteBuffer, messageExt.getStoreHost());
        byteBuffer.putInt(messageExt.getReconsumeTimes());
        byteBuffer.putLong(messageExt.getPreparedTransactionOffset());
        byteBuffer.putInt(body.length);
        byteBuffer.put(body);
        byteBuffer.put((byte) topics.length);
        byteBuffer.put(topics);
        byteBuffer.putShort((short) propertiesBytes.length);
        byteBuffer.put(propertiesBytes);
        return byteBuffer.array();
    }

    private static void putHost(ByteBuffer byteBuffer, SocketAddress host) {
        InetSocketAddress address = (InetSocketAddress) host;
        byteBuffer.put(address.getAddress().getAddress());
        byteBuffer.putInt(address.getPort());
    }

    public static List<MessageExt> decodes(ByteBuffer byteBuffer) {
        return decodes(byteBuffer, true);
    }

    /** Decodes back-to-back records until the buffer ends or a record fails to parse. */
    public static List<MessageExt> decodes(ByteBuffer byteBuffer, final boolean readBody) {
        List<MessageExt> msgExts = new ArrayList<MessageExt>();
        while (byteBuffer.hasRemaining()) {
            MessageExt msgExt = clientDecode(byteBuffer, readBody);
            if (null == msgExt) {
                break;
            }
            msgExts.add(msgExt);
        }
        return msgExts;
    }

    public static List<MessageExt> decodesBatch(ByteBuffer byteBuffer, final boolean readBody,
                                                final boolean decompressBody, final boolean isClient) {
        List<MessageExt> msgExts = new ArrayList<MessageExt>();
        while (byteBuffer.hasRemaining()) {
            MessageExt msgExt = decode(byteBuffer, readBody, decompressBody, isClient);
            if (null == msgExt) {
                break;
            }
            msgExts.add(msgExt);
        }
        return msgExts;
    }

    /** Property map to {@code name 0x01 value 0x02 ...} with no trailing separator; null values skipped. */
    public static String messageProperties2String(Map<String, String> properties) {
        return messageProperties2String(properties, null);
    }

    /** As {@link #messageProperties2String(Map)} without the property {@code leftOut} (null: none left out). */
    public static String messageProperties2String(Map<String, String> properties, String leftOut) {
        if (properties == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(properties.size() * 24);
        for (Map.Entry<String, String> entry : properties.entrySet()) {
            if (entry.getValue() == null || entry.getKey().equals(leftOut)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(PROPERTY_SEPARATOR);
            }
            sb.append(entry.getKey()).append(NAME_VALUE_SEPARATOR).append(entry.getValue());
        }
        return sb.toString();
    }

    /** Parses a property string; segments with an empty name or value are dropped. */
    public static Map<String, String> string2messageProperties(final String properties) {
        Map<String, String> map = new HashMap<String, String>();
        if (properties == null) {
            return map;
        }
        int len = properties.length();
        int index = 0;
        while (index < len) {
            int newIndex = properties.indexOf(PROPERTY_SEPARATOR, index);
            if (newIndex < 0) {
                newIndex = len;
            }
            if (newIndex - index >= 3) {
                int kvSepIndex = properties.indexOf(NAME_VALUE_SEPARATOR, index);
                if (kvSepIndex > index && kvSepIndex < newIndex - 1) {
                    map.put(properties.substring(index, kvSepIndex), properties.substring(kvSepIndex + 1, newIndex));
                }
            }
            index = newIndex + 1;
        }
        return map;
    }

    /** One batch element (docs/protocol/message-format.md section 6): TOTALSIZE = 22 + body + properties. */
    public static byte[] encodeMessage(Message message) {
        byte[] body = message.getBody() == null ? new byte[0] : message.getBody();
        int bodyLen = body.length;
        byte[] propertiesBytes = messageProperties2String(message.getProperties()).getBytes(CHARSET_UTF8);
        if (propertiesBytes.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("message properties are " + propertiesBytes.length
                + " bytes, at most " + Short.MAX_VALUE + " are allowed");
        }
        short propertiesLength = (short) propertiesBytes.length;
        int storeSize = 4 + 4 + 4 + 4 + 4 + bodyLen + 2 + propertiesLength;
        ByteBuffer byteBuffer = ByteBuffer.allocate(storeSize);
        byteBuffer.putInt(storeSize);
        byteBuffer.putInt(0); // MAGICCODE
        byteBuffer.putInt(0); // BODYCRC
        byteBuffer.putInt(message.getFlag());
        byteBuffer.putInt(bodyLen);
        byteBuffer.put(body);
        byteBuffer.putShort(propertiesLength);
        byteBuffer.put(propertiesBytes);
        return byteBuffer.array();
    }

    /**
     * Reads one batch element. A length that is negative or runs past the buffer (a hostile or torn batch)
     * is refused with IllegalArgumentException before anything is allocated; a buffer too short for the
     * fixed fields gives BufferUnderflowException.
     */
    public static Message decodeMessage(ByteBuffer byteBuffer) {
        Message message = new Message();
        byteBuffer.getInt(); // TOTALSIZE
        byteBuffer.getInt(); // MAGICCODE
        byteBuffer.getInt(); // BODYCRC
        message.setFlag(byteBuffer.getInt());
        int bodyLen = byteBuffer.getInt();
        if (bodyLen < 0 || bodyLen > byteBuffer.remaining()) {
            throw new IllegalArgumentException("batch element body length " + bodyLen + " but "
                + byteBuffer.remaining() + " bytes remain");
        }
        byte[] body = new byte[bodyLen];
        byteBuffer.get(body);
        message.setBody(body);
        short propertiesLen = byteBuffer.getShort();
        if (propertiesLen < 0 || propertiesLen > byteBuffer.remaining()) {
            throw new IllegalArgumentException("batch element properties length " + propertiesLen + " but "
                + byteBuffer.remaining() + " bytes remain");
        }
        byte[] propertiesBytes = new byte[propertiesLen];
        byteBuffer.get(propertiesBytes);
        message.setProperties(string2messageProperties(new String(propertiesBytes, CHARSET_UTF8)));
        return message;
    }

    public static byte[] encodeMessages(List<Message> messages) {
        List<byte[]> encodedMessages = new ArrayList<byte[]>(messages.size());
        int allSize = 0;
        for (Message message : messages) {
            byte[] tmp = encodeMessage(message);
            encodedMessages.add(tmp);
            allSize += tmp.length;
        }
        byte[] allBytes = new byte[allSize];
        int pos = 0;
        for (byte[] bytes : encodedMessages) {
            System.arraycopy(bytes, 0, allBytes, pos, bytes.length);
            pos += bytes.length;
        }
        return allBytes;
    }

    public static List<Message> decodeMessages(ByteBuffer byteBuffer) {
        List<Message> msgs = new ArrayList<Message>();
        while (byteBuffer.hasRemaining()) {
            msgs.add(decodeMessage(byteBuffer));
        }
        return msgs;
    }
}
