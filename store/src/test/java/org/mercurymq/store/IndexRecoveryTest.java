package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import ch.qos.logback.classic.Level;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.store.index.IndexService;

/**
 * Key queries after a crash: the index file that was being written is checked and kept (a killed JVM
 * leaves its pages intact), or, when it is inconsistent, deleted and rebuilt by re-dispatch from the end of
 * the last kept file, so keys of older still-stored messages stay queryable.
 */
class IndexRecoveryTest {
    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private DefaultMessageStore store;
    private final List<Long> offsets = new ArrayList<>();

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private void open() {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
    }

    /** 300 messages (5 commit-log segments) with KEYS and UNIQ_KEY: 600 index entries, two index files. */
    private void writeAndStop() {
        open();
        for (int i = 0; i < 300; i++) {
            MessageExtBrokerInner m = message("T", i % 2, new byte[1000], null, "key" + i);
            MessageAccessor.putProperty(m, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ" + i);
            m.setPropertiesString(MessageDecoder.messageProperties2String(m.getProperties()));
            PutMessageResult r = store.putMessage(m);
            assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
            offsets.add(r.getAppendMessageResult().getWroteOffset());
            clock.advance(1000);
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        store.shutdown();
        store = null;
        assertTrue(offsets.get(299) > 4L * SEGMENT, "the messages span several segments");
    }

    private List<Long> query(DefaultMessageStore s, String topic, String key) {
        QueryMessageResult q = s.queryMessage(topic, key, 32, 0, Long.MAX_VALUE);
        List<Long> found = new ArrayList<>();
        for (var buf : q.getMessageBufferList()) {
            found.add(MessageDecoder.decode(buf.duplicate(), false, false).getCommitLogOffset());
        }
        q.release();
        return found;
    }

    private void assertEveryKeyQueryable() {
        for (int i = 0; i < offsets.size(); i++) {
            assertEquals(List.of(offsets.get(i)), query(store, "T", "key" + i), "key" + i);
            assertEquals(List.of(offsets.get(i)), query(store, "T", "UNIQ" + i), "UNIQ" + i);
        }
    }

    private Path newestIndexFile() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            return files.sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    @Test
    void indexFileBeingWrittenSurvivesAnAbnormalExit() throws IOException {
        writeAndStop();
        Files.createFile(dir.resolve("abort"));
        open();
        assertEveryKeyQueryable();
    }

    @Test
    void inconsistentIndexFileIsDeletedAndRebuilt() throws IOException {
        writeAndStop();
        // a page of the newest file's entries never reached the disk: zeroes in the middle of its entries
        try (RandomAccessFile raf = new RandomAccessFile(newestIndexFile().toFile(), "rw")) {
            raf.seek(40 + 100 * 4 + 50 * 20);
            raf.write(new byte[40 * 20]);
        }
        Files.createFile(dir.resolve("abort"));
        try (LogCapture log = new LogCapture(IndexService.class)) {
            open();
            List<String> warnings = log.messages(Level.WARN);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("is inconsistent (entry 50 of"), warnings.get(0));
        }
        assertEveryKeyQueryable();
        assertEquals(0, store.dispatchBehindBytes());
    }

    /**
     * The child pauses 5 ms between puts, so that after 800 puts (4 s) the first segments are older than
     * the checkpoint's 3 s slack and abnormal recovery starts after them: their keys live only in the index.
     */
    @Test
    void keysOfAKilledWriterStayQueryable() throws Exception {
        Map<Long, Long> acked = new ConcurrentHashMap<>();
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(), dir.toString(), "0",
            "ASYNC_FLUSH", "5000").redirectError(dir.resolve("child-stderr.log").toFile()).start();
        try {
            Thread reader = new Thread(() -> readAcks(child, acked), "index-crash-child-reader");
            reader.setDaemon(true);
            reader.start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= 800 || !child.isAlive());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child exited");
        }
        assertTrue(acked.size() >= 800, "child acknowledged " + acked.size() + ", exit " + child.exitValue()
            + ", stderr: " + Files.readString(dir.resolve("child-stderr.log")));
        assertTrue(Files.exists(dir.resolve("abort")), "the child was killed, not stopped");
        store = new DefaultMessageStore(CrashWriterMain.config(dir, "ASYNC_FLUSH"), Clock.systemUTC(), null);
        store.load();
        store.start();
        assertTrue(store.getMaxPhyOffset() > 4 * 128 * 1024, "several segments written");
        try (Stream<Path> indexFiles = Files.list(dir.resolve("index"))) {
            assertEquals(1, indexFiles.count(), "all keys are in the one index file being written");
        }
        List<Long> missing = new ArrayList<>();
        for (var e : Map.copyOf(acked).entrySet()) {
            long seq = e.getKey();
            List<Long> byKey = query(store, CrashWriterMain.TOPIC, "k" + seq);
            List<Long> byUniq = query(store, CrashWriterMain.TOPIC, CrashWriterMain.uniqKey(seq));
            if (!byKey.equals(List.of(e.getValue())) || !byUniq.equals(List.of(e.getValue()))) {
                missing.add(seq);
            }
        }
        assertEquals(List.of(), missing, "acknowledged messages whose keys cannot be found");
    }

    private static void readAcks(Process child, Map<Long, Long> acked) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ") && line.endsWith(" END")) {
                    String[] p = line.split(" ");
                    acked.put(Long.parseLong(p[1]), Long.parseLong(p[2]));
                }
            }
        } catch (IOException e) {
            // the stream closes when the child is killed
        }
    }
}
