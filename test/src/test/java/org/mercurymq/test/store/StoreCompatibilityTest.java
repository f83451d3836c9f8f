package org.mercurymq.test.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.store.DefaultMessageStore;
import org.mercurymq.store.GetMessageResult;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageStoreConfig;
import org.mercurymq.store.PutMessageResult;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.QueryMessageResult;

/**
 * Store directories are interchangeable with Apache RocketMQ 4.9.7 (run in a child JVM): what Apache
 * writes Mercury recovers and reads, what Mercury writes Apache reads, and the same workload produces the
 * same commit-log bytes (store times aside) and identical consume-queue files.
 */
class StoreCompatibilityTest {
    private static final int N = 1500;

    @TempDir
    Path dir;

    static MessageStoreConfig mercuryConfig(Path root) {
        Map<String, String> raw = new HashMap<>();
        raw.put("storePathRootDir", root.toString());
        raw.put("mappedFileSizeCommitLog", String.valueOf(StoreWorkload.SEGMENT));
        raw.put("mappedFileSizeConsumeQueue", String.valueOf(StoreWorkload.CQ_SEGMENT));
        raw.put("maxHashSlotNum", String.valueOf(StoreWorkload.HASH_SLOTS));
        raw.put("maxIndexNum", String.valueOf(StoreWorkload.INDEX_NUM));
        // an ephemeral HA port: the default 10912 is taken by any other store running on this machine
        raw.put("haListenPort", "0");
        return new MessageStoreConfig(MessageStoreConfig.TABLE.parse(raw, w -> {
            throw new AssertionError(w);
        }));
    }

    static MessageExtBrokerInner mercuryMessage(int i) {
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

    static List<String> runApache(String mode, Path storeDir, int n) throws Exception {
        String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx256m",
            "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            ApacheStoreTool.class.getName(), mode, storeDir.toString(), String.valueOf(n));
        pb.redirectErrorStream(true);
        pb.environment().put("ROCKETMQ_HOME", storeDir.getParent().toString());
        Process p = pb.start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("reader: " + e);
            }
        }, "apache-child-reader");
        reader.start();
        boolean exited = p.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        reader.join(10_000);
        assertTrue(exited, () -> "Apache child did not finish:\n" + String.join("\n", lines));
        assertEquals(0, p.exitValue(), () -> String.join("\n", lines));
        assertTrue(lines.contains("DONE"), () -> String.join("\n", lines));
        return lines;
    }

    private static DefaultMessageStore openMercury(Path root) {
        DefaultMessageStore store = new DefaultMessageStore(mercuryConfig(root), Clock.systemUTC(), null);
        store.load();
        store.start();
        return store;
    }

    private static void assertWorkloadMessage(int i, MessageExt m) {
        assertEquals(StoreWorkload.topic(i), m.getTopic(), "topic of " + i);
        assertEquals(StoreWorkload.queueId(i), m.getQueueId());
        assertEquals(StoreWorkload.flag(i), m.getFlag());
        assertEquals(StoreWorkload.bornTimestamp(i), m.getBornTimestamp());
        assertEquals(new InetSocketAddress("10.0.0.1", StoreWorkload.bornPort(i)), m.getBornHost());
        assertEquals(StoreWorkload.reconsumeTimes(i), m.getReconsumeTimes());
        assertArrayEquals(StoreWorkload.body(i), m.getBody(), "body of " + i);
        assertEquals(StoreWorkload.properties(i), m.getProperties());
    }

    @Test
    void apacheWrittenStoreIsRecoveredAndReadByMercury() throws Exception {
        Path apacheDir = dir.resolve("apache");
        Map<Integer, long[]> puts = new HashMap<>();
        for (String line : runApache("write", apacheDir, N)) {
            if (line.startsWith("PUT ")) {
                String[] p = line.split(" ");
                puts.put(Integer.parseInt(p[1]), new long[] {Long.parseLong(p[2]), Long.parseLong(p[3])});
            }
        }
        assertEquals(N, puts.size());
        DefaultMessageStore store = openMercury(apacheDir);
        try {
            for (int i = 0; i < N; i++) {
                MessageExt m = store.lookMessageByOffset(puts.get(i)[0]);
                assertNotNull(m, "message " + i);
                assertWorkloadMessage(i, m);
                assertEquals(puts.get(i)[1], m.getQueueOffset());
            }
            // read every queue through the Apache-built consume queues
            int seen = 0;
            for (int t = 0; t < 2; t++) {
                for (int q = 0; q < StoreWorkload.QUEUES; q++) {
                    String topic = StoreWorkload.TOPIC_PREFIX + t;
                    long offset = 0;
                    long max = store.getMaxOffsetInQueue(topic, q);
                    while (offset < max) {
                        GetMessageResult r = store.getMessage("g", topic, q, offset, 32, null);
                        for (ByteBuffer b : r.getMessageBufferList()) {
                            MessageExt m = MessageDecoder.decode(b.duplicate());
                            int i = Integer.parseInt(m.getKeys().split(" ")[0].substring(4));
                            assertWorkloadMessage(i, m);
                            seen++;
                        }
                        offset = r.getNextBeginOffset();
                        r.release();
                    }
                }
            }
            assertEquals(N, seen);
            // Apache-built index files answer Mercury's key queries
            QueryMessageResult q17 = store.queryMessage(StoreWorkload.topic(17), "key-17", 32, 0, Long.MAX_VALUE);
            assertEquals(1, q17.getMessageBufferList().size());
            assertWorkloadMessage(17, MessageDecoder.decode(q17.getMessageBufferList().get(0).duplicate()));
            q17.release();
            QueryMessageResult uniq = store.queryMessage(StoreWorkload.topic(N - 1), StoreWorkload.uniqKey(N - 1), 32,
                0, Long.MAX_VALUE);
            assertEquals(1, uniq.getMessageBufferList().size());
            uniq.release();
            // Mercury continues the Apache queues where they end
            long before = store.getMaxOffsetInQueue(StoreWorkload.topic(N), StoreWorkload.queueId(N));
            PutMessageResult more = store.putMessage(mercuryMessage(N));
            assertEquals(PutMessageStatus.PUT_OK, more.getPutMessageStatus());
            assertEquals(before, more.getAppendMessageResult().getLogicsOffset());
        } finally {
            store.shutdown();
        }
    }

    @Test
    void mercuryWrittenStoreIsReadByApache() throws Exception {
        Path mercuryDir = dir.resolve("mercury");
        DefaultMessageStore store = openMercury(mercuryDir);
        Map<Integer, PutMessageResult> puts = new HashMap<>();
        for (int i = 0; i < N; i++) {
            PutMessageResult r = store.putMessage(mercuryMessage(i));
            assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
            puts.put(i, r);
        }
        store.shutdown();

        List<String> lines = runApache("read", mercuryDir, N);
        Map<Integer, String[]> read = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("MSG ")) {
                String[] p = line.split(" ");
                String uniq = p[10];
                int i = Integer.parseInt(uniq.substring(20), 16);
                read.put(i, p);
            }
        }
        assertEquals(N, read.size(), () -> lines.stream().filter(l -> !l.startsWith("MSG")).collect(Collectors.joining("\n")));
        for (int i = 0; i < N; i++) {
            String[] p = read.get(i);
            PutMessageResult put = puts.get(i);
            assertEquals(StoreWorkload.topic(i), p[1]);
            assertEquals(String.valueOf(StoreWorkload.queueId(i)), p[2]);
            assertEquals(String.valueOf(put.getAppendMessageResult().getLogicsOffset()), p[3]);
            assertEquals(String.valueOf(put.getAppendMessageResult().getWroteOffset()), p[4]);
            assertEquals(String.valueOf(StoreWorkload.flag(i)), p[5]);
            assertEquals(String.valueOf(StoreWorkload.bornTimestamp(i)), p[6]);
            assertEquals(String.valueOf(StoreWorkload.reconsumeTimes(i)), p[7]);
            CRC32 crc = new CRC32();
            crc.update(StoreWorkload.body(i));
            assertEquals(String.valueOf(crc.getValue()), p[9]);
            assertEquals(put.getAppendMessageResult().getMsgId(), p[11], "Apache computes the same offset id");
            assertEquals(String.valueOf(put.getAppendMessageResult().getWroteBytes()), p[12]);
        }
        assertTrue(lines.contains("QUERY key-17 1"), () -> String.join("\n", lines));
        assertTrue(lines.contains("QUERY key-0 1"));
        assertTrue(lines.contains("QUERY key-" + (N - 1) + " 1"));
    }

    @Test
    void sameWorkloadWritesTheSameBytes() throws Exception {
        Path apacheDir = dir.resolve("a");
        Path mercuryDir = dir.resolve("m");
        runApache("write", apacheDir, N);
        DefaultMessageStore store = openMercury(mercuryDir);
        for (int i = 0; i < N; i++) {
            assertEquals(PutMessageStatus.PUT_OK, store.putMessage(mercuryMessage(i)).getPutMessageStatus());
        }
        store.shutdown();

        List<String> segments = list(apacheDir.resolve("commitlog"));
        assertEquals(segments, list(mercuryDir.resolve("commitlog")));
        assertTrue(segments.size() >= 4, "several segments: " + segments);
        int records = 0;
        for (String name : segments) {
            byte[] a = Files.readAllBytes(apacheDir.resolve("commitlog").resolve(name));
            byte[] m = Files.readAllBytes(mercuryDir.resolve("commitlog").resolve(name));
            records += maskStoreTimestamps(a);
            maskStoreTimestamps(m);
            assertArrayEquals(a, m, "commit-log segment " + name + " (store times masked)");
        }
        assertEquals(N, records);
        List<String> cqFiles = list(apacheDir.resolve("consumequeue"));
        assertEquals(cqFiles, list(mercuryDir.resolve("consumequeue")));
        assertTrue(cqFiles.size() >= 8);
        for (String f : cqFiles) {
            assertArrayEquals(Files.readAllBytes(apacheDir.resolve("consumequeue").resolve(f)),
                Files.readAllBytes(mercuryDir.resolve("consumequeue").resolve(f)), "consume queue " + f);
        }
    }

    private static List<String> list(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted()
                .collect(Collectors.toList());
        }
    }

    /** Zeroes STORETIMESTAMP of every record of a segment; returns the number of records. */
    private static int maskStoreTimestamps(byte[] segment) {
        ByteBuffer buf = ByteBuffer.wrap(segment);
        int pos = 0;
        int count = 0;
        while (pos + 8 <= segment.length) {
            int size = buf.getInt(pos);
            int magic = buf.getInt(pos + 4);
            if (magic != MessageDecoder.MESSAGE_MAGIC_CODE || size <= 0) {
                break;
            }
            int sysFlag = buf.getInt(pos + MessageDecoder.SYSFLAG_POSITION);
            buf.putLong(pos + MessageDecoder.storeTimestampPosition(sysFlag), 0L);
            pos += size;
            count++;
        }
        return count;
    }
}
