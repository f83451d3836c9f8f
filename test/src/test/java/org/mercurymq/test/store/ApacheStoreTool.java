package org.mercurymq.test.store;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.store.DefaultMessageStore;
import org.apache.rocketmq.store.GetMessageResult;
import org.apache.rocketmq.store.MessageExtBrokerInner;
import org.apache.rocketmq.store.PutMessageResult;
import org.apache.rocketmq.store.PutMessageStatus;
import org.apache.rocketmq.store.QueryMessageResult;
import org.apache.rocketmq.store.config.FlushDiskType;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.apache.rocketmq.store.stats.BrokerStatsManager;

/**
 * Child-JVM driver for Apache RocketMQ 4.9.7's own DefaultMessageStore.
 * {@code write <dir> <n>} stores the workload and shuts down cleanly; {@code read <dir> <n>} loads a
 * store and prints every message it can read through its consume queues and index.
 */
public final class ApacheStoreTool {
    private ApacheStoreTool() {
    }

    static DefaultMessageStore open(String dir) throws Exception {
        MessageStoreConfig config = new MessageStoreConfig();
        config.setStorePathRootDir(dir);
        config.setStorePathCommitLog(dir + "/commitlog");
        config.setMappedFileSizeCommitLog(StoreWorkload.SEGMENT);
        config.setMappedFileSizeConsumeQueue(StoreWorkload.CQ_SEGMENT);
        config.setMaxHashSlotNum(StoreWorkload.HASH_SLOTS);
        config.setMaxIndexNum(StoreWorkload.INDEX_NUM);
        config.setFlushDiskType(FlushDiskType.ASYNC_FLUSH);
        try (ServerSocket s = new ServerSocket(0)) {
            config.setHaListenPort(s.getLocalPort());
        }
        DefaultMessageStore store = new DefaultMessageStore(config, new BrokerStatsManager("compat", true), null,
            new BrokerConfig());
        if (!store.load()) {
            throw new IllegalStateException("Apache store failed to load " + dir);
        }
        store.start();
        return store;
    }

    static MessageExtBrokerInner message(int i) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(StoreWorkload.topic(i));
        msg.setQueueId(StoreWorkload.queueId(i));
        msg.setFlag(StoreWorkload.flag(i));
        msg.setBody(StoreWorkload.body(i));
        msg.setBornTimestamp(StoreWorkload.bornTimestamp(i));
        msg.setBornHost(new InetSocketAddress("10.0.0.1", StoreWorkload.bornPort(i)));
        msg.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        msg.setReconsumeTimes(StoreWorkload.reconsumeTimes(i));
        MessageAccessor.setProperties(msg, StoreWorkload.properties(i));
        msg.setPropertiesString(StoreWorkload.propertiesString(i));
        msg.setTagsCode(StoreWorkload.tags(i).hashCode());
        return msg;
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        String mode = args[0];
        String dir = args[1];
        int n = Integer.parseInt(args[2]);
        DefaultMessageStore store = open(dir);
        if ("write".equals(mode)) {
            for (int i = 0; i < n; i++) {
                PutMessageResult r = store.putMessage(message(i));
                if (r.getPutMessageStatus() != PutMessageStatus.PUT_OK) {
                    throw new IllegalStateException("Apache put " + i + " failed: " + r);
                }
                System.out.println("PUT " + i + " " + r.getAppendMessageResult().getWroteOffset() + " "
                    + r.getAppendMessageResult().getLogicsOffset());
            }
            await("Apache dispatcher caught up").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> store.dispatchBehindBytes() == 0);
        } else {
            read(store, n);
        }
        store.shutdown();
        System.out.println("DONE");
        System.out.flush();
    }

    private static void read(DefaultMessageStore store, int n) {
        for (int t = 0; t < 2; t++) {
            String topic = StoreWorkload.TOPIC_PREFIX + t;
            for (int q = 0; q < StoreWorkload.QUEUES; q++) {
                long max = store.getMaxOffsetInQueue(topic, q);
                System.out.println("MAX " + topic + " " + q + " " + max + " " + store.getMinOffsetInQueue(topic, q));
                long offset = 0;
                while (offset < max) {
                    GetMessageResult r = store.getMessage("g", topic, q, offset, 32, null);
                    if (r.getMessageCount() == 0) {
                        System.out.println("STATUS " + topic + " " + q + " " + offset + " " + r.getStatus());
                        r.release();
                        break;
                    }
                    for (ByteBuffer b : r.getMessageBufferList()) {
                        printMessage("MSG", MessageDecoder.decode(b.slice(), true, false));
                    }
                    offset = r.getNextBeginOffset();
                    r.release();
                }
            }
        }
        for (int i : new int[] {0, 17, n - 1}) {
            QueryMessageResult q = store.queryMessage(StoreWorkload.topic(i), "key-" + i, 32, 0, Long.MAX_VALUE);
            List<ByteBuffer> buffers = q.getMessageBufferList();
            System.out.println("QUERY key-" + i + " " + buffers.size());
            for (ByteBuffer b : buffers) {
                printMessage("QMSG", MessageDecoder.decode(b.slice(), true, false));
            }
            q.release();
        }
    }

    private static void printMessage(String kind, MessageExt m) {
        CRC32 crc = new CRC32();
        crc.update(m.getBody());
        System.out.println(kind + " " + m.getTopic() + " " + m.getQueueId() + " " + m.getQueueOffset() + " "
            + m.getCommitLogOffset() + " " + m.getFlag() + " " + m.getBornTimestamp() + " " + m.getReconsumeTimes()
            + " " + m.getBody().length + " " + crc.getValue() + " " + m.getProperty("UNIQ_KEY") + " " + m.getMsgId()
            + " " + m.getStoreSize());
    }
}
