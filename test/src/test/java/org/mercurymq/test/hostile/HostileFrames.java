package org.mercurymq.test.hostile;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingCommandCodec;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.SerializeType;

/**
 * Makes hostile frames from a seeded {@link Random}, in two kinds:
 * <ul>
 *   <li>{@link #request}: a well-framed request with a hostile header (random known or unknown code, huge
 *   or absurd extFields: negative offsets and queue ids, huge batch sizes, property separators, invalid
 *   UTF-8) in JSON or ROCKETMQ serialization. The server must answer it, or close the connection, and
 *   keep serving everyone else.</li>
 *   <li>{@link #connectionKiller}: bytes after which the server must close the connection (random bytes,
 *   oversized or negative length, header longer than the frame, unknown serialize type, a truncated
 *   frame).</li>
 * </ul>
 * Names (topics, groups) come from small fixed pools so that a run cannot grow the servers' tables
 * without bound by legitimate means. Codes that reconfigure or wipe state (UPDATE_*, DELETE_*, WIPE_*,
 * (UN)REGISTER_*, RESET_*, CLEAN_*, ...) are left out: without ACL they are allowed to change what the
 * well-behaved client sees. Not thread-safe: one per generating thread.
 */
final class HostileFrames {
    private static final String INVALID_UTF8_MARK = "\u00a7\u00a7\u00a7\u00a7";
    private static final String[] FIELDS = {"topic", "queueId", "queueOffset", "maxMsgNums", "sysFlag", "commitOffset",
        "suspendTimeoutMillis", "subscription", "subVersion", "expressionType", "consumerGroup", "producerGroup",
        "defaultTopic", "defaultTopicQueueNums", "bornTimestamp", "flag", "properties", "reconsumeTimes", "unitMode",
        "batch", "maxReconsumeTimes", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "offset",
        "timestamp", "key", "beginTimestamp", "endTimestamp", "msgId", "brokerName", "brokerAddr", "clusterName",
        "brokerId", "delayLevel", "originMsgId", "originTopic", "commitLogOffset", "commitOrRollback",
        "tranStateTableOffset", "fromTransactionCheck", "clientId", "group", "namespace", "value", "index", "count",
        "isForce", "maxCount", "compressed", "bodyCrc32", "topicRequestCode", "isOrder", "jstackEnable"};
    private static final String[] NAMES = {"HOSTILE", "TBW102", "%RETRY%HOSTILE", "SCHEDULE_TOPIC_XXXX",
        "RMQ_SYS_TRANS_HALF_TOPIC", "", " ", "a@b", "a|b", "..", "CG", "GID_HOSTILE"};
    private static final String[] NUMBERS = {"0", "1", "-1", "-2", "7", "255", "65535", "2147483647", "-2147483648",
        "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e400", "NaN", "0x10", "", " 1",
        "true", "null"};
    private static final String[] STRINGS = {"*", "TagA || TagB", "a\u0001b\u0002c\u0001", "\u0001\u0002\u0001\u0002",
        "UNIQ_KEY\u0001\u0002", "KEYS\u0001k1 k2\u0002TAGS\u0001TagA\u0002", "DELAY\u00011000\u0002", "TAG", "SQL92",
        "a > 1 AND", "{\"x\":", "[1,2", "%%%", "../../etc/passwd", "\u0000", "\ud800", INVALID_UTF8_MARK};
    private static final String HUGE = repeat('Z', 256 * 1024);
    private static final int[] CODES = allowedCodes();

    private static final int POOL = 2048;

    private final Random random;
    // frames are costly to make and the machine is shared: most sends reuse one of the last POOL frames
    private final byte[][] pool = new byte[POOL][];
    private int made;

    HostileFrames(Random random) {
        this.random = random;
    }

    /** A hostile request: a fresh one for the first {@value #POOL}, then one in eight fresh, the rest reused. */
    byte[] request() {
        if (made < POOL) {
            pool[made] = freshRequest();
            return pool[made++];
        }
        int slot = random.nextInt(POOL);
        if (random.nextInt(8) == 0) {
            pool[slot] = freshRequest();
        }
        return pool[slot];
    }

    private static String repeat(char c, int n) {
        char[] a = new char[n];
        Arrays.fill(a, c);
        return new String(a);
    }

    private static int[] allowedCodes() {
        List<Integer> codes = new ArrayList<>();
        for (Field f : RequestCode.class.getFields()) {
            String n = f.getName();
            boolean mutating = n.startsWith("UPDATE_") || n.startsWith("DELETE_") || n.startsWith("WIPE_")
                || n.startsWith("ADD_") || n.contains("REGISTER_") || n.contains("RESET_") || n.startsWith("CLEAN_")
                || n.startsWith("PUT_KV") || n.equals("TRIGGER_DELETE_FILES") || n.startsWith("CLONE_");
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && !mutating) {
                try {
                    codes.add(f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A well-framed request with a hostile header; {@code oneway} in about one of eight. */
    byte[] freshRequest() {
        boolean json = random.nextBoolean();
        // the ROCKETMQ header holds the code in 16 bits; JSON takes any int
        int code = random.nextInt(10) != 0 ? CODES[random.nextInt(CODES.length)]
            : json ? random.nextInt() : random.nextInt(65536) - 32768;
        RemotingCommand cmd = RemotingCommand.createRequestCommand(code, null);
        cmd.setSerializeTypeCurrentRPC(json ? SerializeType.JSON : SerializeType.ROCKETMQ);
        if (random.nextInt(8) == 0) {
            cmd.markOnewayRPC();
        }
        if (random.nextInt(10) == 0) {
            cmd.setVersion(random.nextInt());
        }
        cmd.setOpaque(random.nextInt());
        if (random.nextInt(10) == 0) {
            cmd.setRemark(value());
        }
        HashMap<String, String> ext = new HashMap<>();
        int fields = random.nextInt(12);
        for (int i = 0; i < fields; i++) {
            String name = random.nextInt(20) == 0 ? STRINGS[random.nextInt(STRINGS.length)] : FIELDS[random.nextInt(FIELDS.length)];
            ext.put(name, value());
        }
        cmd.setExtFields(ext);
        if (random.nextInt(3) == 0) {
            cmd.setBody(body());
        }
        byte[] frame = RemotingCommandCodec.encodeToBytes(cmd);
        return injectInvalidUtf8(frame);
    }

    private String value() {
        switch (random.nextInt(10)) {
            case 0:
            case 1:
            case 2:
                return NUMBERS[random.nextInt(NUMBERS.length)];
            case 3:
            case 4:
            case 5:
                return NAMES[random.nextInt(NAMES.length)];
            case 6:
                return random.nextInt(50) == 0 ? HUGE : HUGE.substring(0, random.nextInt(300));
            default:
                return STRINGS[random.nextInt(STRINGS.length)];
        }
    }

    private byte[] body() {
        switch (random.nextInt(4)) {
            case 0: {
                byte[] b = new byte[random.nextInt(2048)];
                random.nextBytes(b);
                return b;
            }
            case 1: // a batch/record-looking body: absurd sizes and counts
                return ByteBuffer.allocate(64).putInt(random.nextBoolean() ? Integer.MAX_VALUE : -random.nextInt(1000))
                    .putInt(0xdaa320a7).putInt(random.nextInt()).putInt(random.nextInt()).array();
            case 2:
                return "{\"offsetTable\":{\"x\":1},\"topicConfigTable\":[".getBytes(StandardCharsets.UTF_8);
            default:
                return new byte[0];
        }
    }

    /** Replaces the UTF-8 bytes of the mark by invalid UTF-8 sequences, keeping every length valid. */
    private byte[] injectInvalidUtf8(byte[] frame) {
        byte[] mark = INVALID_UTF8_MARK.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 8; i + mark.length <= frame.length; i++) {
            for (int j = 0; j < mark.length; j++) {
                if (frame[i + j] != mark[j]) {
                    continue outer;
                }
            }
            byte[] bad = {(byte) 0xff, (byte) 0xc0, (byte) 0x80, (byte) 0xed, (byte) 0xa0, (byte) 0x80, (byte) 0xf8,
                (byte) 0x28};
            System.arraycopy(bad, 0, frame, i, mark.length);
            i += mark.length - 1;
        }
        return frame;
    }

    /** Bytes after which the server must close the connection. */
    byte[] connectionKiller() {
        switch (random.nextInt(6)) {
            case 0: { // random bytes starting with an impossible length
                byte[] b = new byte[8 + random.nextInt(512)];
                random.nextBytes(b);
                ByteBuffer.wrap(b).putInt(-1 - random.nextInt(Integer.MAX_VALUE));
                return b;
            }
            case 1: // oversized length
                return ByteBuffer.allocate(8).putInt(16 * 1024 * 1024 + 1 + random.nextInt(Integer.MAX_VALUE - 16 * 1024 * 1024))
                    .putInt(random.nextInt()).array();
            case 2: { // header length larger than the frame
                int frameLength = 4 + random.nextInt(100);
                ByteBuffer b = ByteBuffer.allocate(4 + frameLength);
                b.putInt(frameLength).putInt(frameLength - 4 + 1 + random.nextInt(0xFFFF));
                return b.array();
            }
            case 3: { // unknown serialize type
                int headerLength = 2 + random.nextInt(100);
                ByteBuffer b = ByteBuffer.allocate(8 + headerLength);
                b.putInt(4 + headerLength).putInt(((2 + random.nextInt(254)) << 24) | headerLength);
                return b.array();
            }
            case 4: { // garbage JSON header
                int headerLength = 1 + random.nextInt(300);
                byte[] header = new byte[headerLength];
                random.nextBytes(header);
                header[0] = (byte) 0xff;
                return ByteBuffer.allocate(8 + headerLength).putInt(4 + headerLength).putInt(headerLength).put(header).array();
            }
            default: { // frame too short to hold the header-length word
                return ByteBuffer.allocate(4 + 3).putInt(random.nextInt(4)).array();
            }
        }
    }

    /** A valid request truncated at a random point (the connection is then closed by the sender). */
    byte[] truncated() {
        byte[] f = freshRequest();
        return Arrays.copyOf(f, 1 + random.nextInt(f.length - 1));
    }
}
