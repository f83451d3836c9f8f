package org.mercurymq.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;

/**
 * Child process of {@link CrashRecoveryTest} and {@link IndexRecoveryTest}: opens the store, appends a known pattern and prints
 * {@code ACK <seq> <commitLogOffset> <queueId> <queueOffset> END} after each acknowledged put, until killed.
 * Arguments: store dir, first sequence number, flushDiskType, optional pause between puts in microseconds.
 * Every message carries KEYS {@code k<seq>} and a UNIQ_KEY; one index file holds all of a test's keys.
 */
public final class CrashWriterMain {
    public static final String TOPIC = "CrashTopic";
    public static final int QUEUES = 3;

    private CrashWriterMain() {
    }

    public static MessageStoreConfig config(Path root, String flushDiskType) {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", root.toString());
        raw.put("mappedFileSizeCommitLog", String.valueOf(128 * 1024));
        raw.put("mappedFileSizeConsumeQueue", String.valueOf(100 * 20));
        raw.put("maxHashSlotNum", "500");
        raw.put("maxIndexNum", "20000");
        raw.put("flushDiskType", flushDiskType);
        raw.put("flushIntervalCommitLog", "20");
        raw.put("flushIntervalConsumeQueue", "20");
        raw.put("flushConsumeQueueThoroughInterval", "200");
        // an ephemeral HA port: the fixed default 10912 collides with other stores on the machine
        raw.put("haListenPort", "0");
        return StoreTestSupport.config(raw);
    }

    /** The body for a sequence number: its text then a seq-derived pattern of 10..2999 bytes. */
    public static byte[] body(long seq) {
        int len = (int) (10 + (seq * 7919) % 2990);
        byte[] b = new byte[len];
        String head = "seq:" + seq + ":";
        for (int i = 0; i < len; i++) {
            b[i] = i < head.length() ? (byte) head.charAt(i) : (byte) ((seq + i * 31) & 0x7F);
        }
        return b;
    }

    /** The UNIQ_KEY (client message id) of a sequence number. */
    public static String uniqKey(long seq) {
        return String.format("C0A8000100002A9F%016X", seq);
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        long seq = Long.parseLong(args[1]);
        String flushDiskType = args[2];
        // optional pause between puts, so that the first segments are older than the checkpoint's slack
        long pauseNanos = args.length > 3 ? Long.parseLong(args[3]) * 1000 : 0;
        DefaultMessageStore store = new DefaultMessageStore(config(root, flushDiskType), Clock.systemUTC(), null);
        store.load();
        store.start();
        System.out.println("STARTED");
        System.out.flush();
        while (true) {
            int queueId = (int) (seq % QUEUES);
            MessageExtBrokerInner msg = StoreTestSupport.message(TOPIC, queueId, body(seq), "Tag" + (seq % 5),
                "k" + seq);
            msg.setBornTimestamp(System.currentTimeMillis());
            MessageAccessor.putProperty(msg, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniqKey(seq));
            msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
            PutMessageResult r = store.putMessage(msg);
            if (r.getPutMessageStatus() == PutMessageStatus.PUT_OK) {
                System.out.println("ACK " + seq + " " + r.getAppendMessageResult().getWroteOffset() + " " + queueId
                    + " " + r.getAppendMessageResult().getLogicsOffset() + " END");
                System.out.flush();
            }
            seq++;
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
        }
    }
}
