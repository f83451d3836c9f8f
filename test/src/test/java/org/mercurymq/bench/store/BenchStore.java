package org.mercurymq.bench.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** One store under benchmark, Mercury's or Apache's, behind the few calls the benchmarks make. */
abstract class BenchStore {
    static final String TOPIC = "BenchTopic";
    static final int QUEUES = 8;
    static final int SEGMENT = 128 * 1024 * 1024;

    final Path dir;

    BenchStore(Path dir) {
        this.dir = dir;
    }

    static BenchStore open(String impl, String flushDiskType) throws Exception {
        Path dir = Files.createTempDirectory("bench-store-" + impl);
        BenchStore store = "apache".equals(impl) ? new Apache(dir, flushDiskType) : new Mercury(dir, flushDiskType);
        return store;
    }

    /** A reusable per-thread message handle. */
    abstract Object newMessage(int queueId, byte[] body);

    /** Stores it; returns false unless PUT_OK. */
    abstract boolean put(Object message);

    /** Reads up to 32 messages from a queue offset; returns the next offset. */
    abstract long read(int queueId, long offset);

    abstract long maxOffset(int queueId);

    abstract void shutdown();

    void close() throws IOException {
        shutdown();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static final class Mercury extends BenchStore {
        private final org.mercurymq.store.DefaultMessageStore store;

        Mercury(Path dir, String flushDiskType) {
            super(dir);
            Map<String, String> raw = new HashMap<>();
            raw.put("storePathRootDir", dir.toString());
            raw.put("mappedFileSizeCommitLog", String.valueOf(SEGMENT));
            raw.put("flushDiskType", flushDiskType);
            org.mercurymq.store.MessageStoreConfig config = new org.mercurymq.store.MessageStoreConfig(
                org.mercurymq.store.MessageStoreConfig.TABLE.parse(raw, w -> {
                    throw new IllegalArgumentException(w);
                }));
            store = new org.mercurymq.store.DefaultMessageStore(config, Clock.systemUTC(), null);
            store.load();
            store.start();
        }

        @Override
        Object newMessage(int queueId, byte[] body) {
            org.mercurymq.store.MessageExtBrokerInner msg = new org.mercurymq.store.MessageExtBrokerInner();
            msg.setTopic(TOPIC);
            msg.setQueueId(queueId);
            msg.setBody(body);
            msg.setBornHost(new InetSocketAddress("127.0.0.1", 50000));
            msg.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
            msg.setTags("TagA");
            msg.setTagsCode("TagA".hashCode());
            msg.setPropertiesString(org.mercurymq.common.message.MessageDecoder.messageProperties2String(
                msg.getProperties()));
            return msg;
        }

        @Override
        boolean put(Object message) {
            org.mercurymq.store.MessageExtBrokerInner msg = (org.mercurymq.store.MessageExtBrokerInner) message;
            msg.setBornTimestamp(System.currentTimeMillis());
            return store.putMessage(msg).getPutMessageStatus() == org.mercurymq.store.PutMessageStatus.PUT_OK;
        }

        @Override
        long read(int queueId, long offset) {
            org.mercurymq.store.GetMessageResult r = store.getMessage("g", TOPIC, queueId, offset, 32, null);
            long next = r.getNextBeginOffset();
            r.release();
            return next;
        }

        @Override
        long maxOffset(int queueId) {
            return store.getMaxOffsetInQueue(TOPIC, queueId);
        }

        long dispatchBehind() {
            return store.dispatchBehindBytes();
        }

        @Override
        void shutdown() {
            store.shutdown();
        }
    }

    static final class Apache extends BenchStore {
        private final org.apache.rocketmq.store.DefaultMessageStore store;
        private final org.apache.rocketmq.store.stats.BrokerStatsManager stats =
            new org.apache.rocketmq.store.stats.BrokerStatsManager("bench", true);

        Apache(Path dir, String flushDiskType) throws Exception {
            super(dir);
            org.apache.rocketmq.store.config.MessageStoreConfig config =
                new org.apache.rocketmq.store.config.MessageStoreConfig();
            config.setStorePathRootDir(dir.toString());
            config.setStorePathCommitLog(dir.resolve("commitlog").toString());
            config.setMappedFileSizeCommitLog(SEGMENT);
            config.setFlushDiskType(org.apache.rocketmq.store.config.FlushDiskType.valueOf(flushDiskType));
            try (ServerSocket s = new ServerSocket(0)) {
                config.setHaListenPort(s.getLocalPort());
            }
            store = new org.apache.rocketmq.store.DefaultMessageStore(config, stats, null,
                new org.apache.rocketmq.common.BrokerConfig());
            if (!store.load()) {
                throw new IllegalStateException("Apache store did not load");
            }
            store.start();
        }

        @Override
        Object newMessage(int queueId, byte[] body) {
            org.apache.rocketmq.store.MessageExtBrokerInner msg = new org.apache.rocketmq.store.MessageExtBrokerInner();
            msg.setTopic(TOPIC);
            msg.setQueueId(queueId);
            msg.setBody(body);
            msg.setBornHost(new InetSocketAddress("127.0.0.1", 50000));
            msg.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
            msg.setTags("TagA");
            msg.setTagsCode("TagA".hashCode());
            msg.setPropertiesString(org.apache.rocketmq.common.message.MessageDecoder.messageProperties2String(
                msg.getProperties()));
            return msg;
        }

        @Override
        boolean put(Object message) {
            org.apache.rocketmq.store.MessageExtBrokerInner msg = (org.apache.rocketmq.store.MessageExtBrokerInner) message;
            msg.setBornTimestamp(System.currentTimeMillis());
            return store.putMessage(msg).getPutMessageStatus() == org.apache.rocketmq.store.PutMessageStatus.PUT_OK;
        }

        @Override
        long read(int queueId, long offset) {
            org.apache.rocketmq.store.GetMessageResult r = store.getMessage("g", TOPIC, queueId, offset, 32, null);
            long next = r.getNextBeginOffset();
            r.release();
            return next;
        }

        @Override
        long maxOffset(int queueId) {
            return store.getMaxOffsetInQueue(TOPIC, queueId);
        }

        long dispatchBehind() {
            return store.dispatchBehindBytes();
        }

        @Override
        void shutdown() {
            store.shutdown();
            stats.shutdown();
        }
    }

    long behind() {
        return this instanceof Mercury ? ((Mercury) this).dispatchBehind() : ((Apache) this).dispatchBehind();
    }
}
