package org.mercurymq.store;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;

/** Small-file configs and message builders for store tests. */
public final class StoreTestSupport {
    public static final InetSocketAddress BORN = new InetSocketAddress("127.0.0.1", 50001);
    public static final InetSocketAddress STORE = new InetSocketAddress("127.0.0.1", 10911);

    private StoreTestSupport() {
    }

    /** 64 KiB commit-log segments, 50-entry consume-queue segments, small index. */
    public static MessageStoreConfig config(Path root) {
        return config(root, Map.of());
    }

    /** {@link #config(Path)} with {@code extra} keys added or replaced. */
    public static MessageStoreConfig config(Path root, Map<String, String> extra) {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", root.toString());
        raw.put("mappedFileSizeCommitLog", String.valueOf(64 * 1024));
        raw.put("mappedFileSizeConsumeQueue", String.valueOf(50 * 20));
        raw.put("maxHashSlotNum", "100");
        raw.put("maxIndexNum", "400");
        raw.put("maxMessageSize", String.valueOf(8 * 1024));
        raw.put("flushIntervalCommitLog", "50");
        raw.put("flushIntervalConsumeQueue", "50");
        raw.put("haListenPort", "0");
        raw.putAll(extra);
        return config(raw);
    }

    public static MessageStoreConfig config(Map<String, String> raw) {
        Config parsed = MessageStoreConfig.TABLE.parse(raw, w -> {
            throw new AssertionError(w);
        });
        return new MessageStoreConfig(parsed);
    }

    public static MessageExtBrokerInner message(String topic, int queueId, String body) {
        return message(topic, queueId, body.getBytes(StandardCharsets.UTF_8), null, null);
    }

    public static MessageExtBrokerInner message(String topic, int queueId, byte[] body, String tags, String keys) {
        MessageExtBrokerInner msg = new MessageExtBrokerInner();
        msg.setTopic(topic);
        msg.setQueueId(queueId);
        msg.setBody(body);
        msg.setBornTimestamp(1_700_000_000_000L);
        msg.setBornHost(BORN);
        msg.setStoreHost(STORE);
        if (tags != null) {
            msg.setTags(tags);
            msg.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(tags));
        }
        if (keys != null) {
            msg.setKeys(keys);
        }
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_CLUSTER, "DefaultCluster");
        msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
        return msg;
    }

    public static DefaultMessageStore open(MessageStoreConfig config, MutableClock clock) {
        DefaultMessageStore store = new DefaultMessageStore(config, clock, null);
        store.load();
        store.start();
        return store;
    }

    /** The store's whole commit log, from its min to its max offset, as bytes (replication tests compare them). */
    public static byte[] commitLogBytes(DefaultMessageStore store) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long offset = store.getMinPhyOffset();
        long max = store.getMaxPhyOffset();
        while (offset < max) {
            SelectMappedBufferResult r = store.getCommitLogData(offset);
            if (r == null) {
                throw new AssertionError("commit log not readable at " + offset);
            }
            try {
                java.nio.ByteBuffer b = r.getByteBuffer();
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
                offset += chunk.length;
            } finally {
                r.release();
            }
        }
        return out.toByteArray();
    }
}
