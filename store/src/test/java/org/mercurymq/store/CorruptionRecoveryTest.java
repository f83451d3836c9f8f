package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.store.queue.ConsumeQueue;
import org.mercurymq.store.recovery.StoreCheckpoint;
import org.mercurymq.store.recovery.StoreRecovery;

/**
 * Real broken files, one fault each (docs/reliability.md, "Corruption and recovery"): torn and garbage
 * consume-queue entries, truncated consume-queue segments, a garbage checkpoint and a partial record at the
 * commit-log tail. Each test checks what recovery logs and that everything valid survives, with the
 * consume queues rebuilt from the commit log where they lost entries.
 */
class CorruptionRecoveryTest {
    private static final int SEGMENT = 64 * 1024;
    private static final int CQ_SEGMENT_ENTRIES = 50;

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private DefaultMessageStore store;
    private final List<Long> offsets = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private void open() {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
    }

    /** {@code n} ~1 KiB messages alternating between queues 0 and 1, with KEYS and UNIQ_KEY; clean stop. */
    private void writeAndStop(int n) {
        open();
        for (int i = 0; i < n; i++) {
            MessageExtBrokerInner m = message("T", i % 2, body(i), "TagA", "key" + i);
            MessageAccessor.putProperty(m, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ" + i);
            m.setPropertiesString(MessageDecoder.messageProperties2String(m.getProperties()));
            PutMessageResult r = store.putMessage(m);
            assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
            offsets.add(r.getAppendMessageResult().getWroteOffset());
            sizes.add(r.getAppendMessageResult().getWroteBytes());
            clock.advance(1000);
        }
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        store.shutdown();
        store = null;
    }

    private static byte[] body(int i) {
        byte[] b = new byte[1000];
        new Random(i).nextBytes(b);
        return b;
    }

    private long end() {
        return offsets.get(offsets.size() - 1) + sizes.get(sizes.size() - 1);
    }

    private Path cqSegment(int queueId, int segmentIndex) {
        long from = (long) segmentIndex * CQ_SEGMENT_ENTRIES * ConsumeQueue.CQ_STORE_UNIT_SIZE;
        return dir.resolve("consumequeue").resolve("T").resolve(String.valueOf(queueId))
            .resolve(String.format("%020d", from));
    }

    private static void write(Path file, long position, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            raf.write(bytes);
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }

    /** Every message readable with its content, every queue entry in place, queues as long as written. */
    private void assertEverythingSurvives(int count) {
        assertEquals(end(), store.getMaxPhyOffset());
        assertEquals((count + 1) / 2, store.getMaxOffsetInQueue("T", 0));
        assertEquals(count / 2, store.getMaxOffsetInQueue("T", 1));
        for (int i = 0; i < count; i++) {
            MessageExt m = store.lookMessageByOffset(offsets.get(i));
            assertNotNull(m, "message " + i);
            assertArrayEquals(body(i), m.getBody(), "body of message " + i);
            assertEquals(offsets.get(i), store.getCommitLogOffsetInQueue("T", i % 2, i / 2),
                "queue entry of message " + i);
        }
    }

    /** A new message continues its queue right after the last written one (no reused queue offset). */
    private void assertNextQueueOffsets(int count) {
        assertEquals((count + 1) / 2, store.putMessage(message("T", 0, "next")).getAppendMessageResult()
            .getLogicsOffset());
        assertEquals(count / 2, store.putMessage(message("T", 1, "next")).getAppendMessageResult().getLogicsOffset());
    }

    @Test
    void tornLastConsumeQueueEntryIsRebuiltAfterANormalExit() throws IOException {
        writeAndStop(100);
        // queue 0's last entry (49) lost its size and tags code: only its offset reached the disk
        write(cqSegment(0, 0), 49 * 20 + 8, new byte[12]);
        try (LogCapture log = new LogCapture(ConsumeQueue.class)) {
            open();
            List<String> warnings = log.messages(Level.WARN);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("consume queue T-0: invalid entry at queue offset 49; 1 non-empty entries from there on"
                + " dropped"), warnings.get(0));
        }
        assertEverythingSurvives(100);
        assertNextQueueOffsets(100);
    }

    @Test
    void garbageInTheMiddleOfAConsumeQueueIsRebuilt() throws IOException {
        writeAndStop(100);
        byte[] garbage = new byte[6 * 20];
        new Random(42).nextBytes(garbage);
        write(cqSegment(1, 0), 20 * 20, garbage);
        Files.createFile(dir.resolve("abort"));
        open();
        assertEverythingSurvives(100);
        assertNextQueueOffsets(100);
    }

    @Test
    void truncatedLastConsumeQueueSegmentIsExtendedAndRebuilt() throws IOException {
        writeAndStop(120);
        // queue 0: 60 entries, segment 1 holds 50..59; cut it inside entry 55
        truncate(cqSegment(0, 1), 5 * 20 + 7);
        open();
        assertEverythingSurvives(120);
        assertNextQueueOffsets(120);
    }

    @Test
    void truncatedMiddleConsumeQueueSegmentIsDeletedAndRebuilt() throws IOException {
        writeAndStop(120);
        truncate(cqSegment(0, 0), 500);
        try (LogCapture log = new LogCapture(ConsumeQueue.class)) {
            open();
            String line = log.messages(Level.WARN).get(0);
            assertTrue(line.contains("consume queue T-0: segment " + cqSegment(0, 0).getFileName() + " is 500 bytes,"
                + " expected 1000; deleting it and 1 later segment(s), entries from queue offset 0 are rebuilt"), line);
        }
        assertEverythingSurvives(120);
        assertNextQueueOffsets(120);
    }

    @Test
    void changedConsumeQueueSegmentSizeIsRefusedNotRebuilt() throws IOException {
        writeAndStop(120);
        java.util.Map<String, String> raw = new java.util.HashMap<>();
        raw.put("storePathRootDir", dir.toString());
        raw.put("mappedFileSizeCommitLog", String.valueOf(SEGMENT));
        raw.put("mappedFileSizeConsumeQueue", String.valueOf(80 * 20));
        DefaultMessageStore changed = new DefaultMessageStore(StoreTestSupport.config(raw), clock, null);
        StoreException e = org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, changed::load);
        assertTrue(e.getMessage().contains("all 2 segments are 1000 bytes but mappedFileSizeConsumeQueue gives 1600"),
            e.getMessage());
        assertTrue(Files.exists(cqSegment(0, 1)), "nothing deleted");
    }

    @Test
    void garbageCheckpointIsIgnoredAndRecoveryChecksEverything() throws IOException {
        writeAndStop(300);
        // the index file being written lost a page, and the checkpoint is garbage that claims it was flushed
        Path newestIndex;
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            newestIndex = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        write(newestIndex, 40 + 100 * 4 + 30 * 20, new byte[40 * 20]);
        byte[] garbage = new byte[StoreCheckpoint.FILE_SIZE];
        Arrays.fill(garbage, (byte) 0x7F);
        Files.write(dir.resolve("checkpoint"), garbage);
        Files.createFile(dir.resolve("abort"));
        try (LogCapture log = new LogCapture(StoreCheckpoint.class)) {
            open();
            String line = log.messages(Level.WARN).get(0);
            assertTrue(line.contains("checkpoint holds implausible times (physic=" + 0x7F7F7F7F7F7F7F7FL), line);
        }
        assertEverythingSurvives(300);
        for (int i = 0; i < 300; i++) {
            QueryMessageResult q = store.queryMessage("T", "UNIQ" + i, 4, 0, Long.MAX_VALUE);
            assertEquals(1, q.getMessageBufferList().size(), "UNIQ" + i);
            q.release();
        }
    }

    @Test
    void partialRecordAtTheTailIsDroppedAndLogged() throws IOException {
        writeAndStop(100);
        byte[] partial = new byte[300];
        try (RandomAccessFile raf = new RandomAccessFile(
            dir.resolve("commitlog").resolve(String.format("%020d", offsets.get(99) - offsets.get(99) % SEGMENT))
                .toFile(), "rw")) {
            raf.seek(offsets.get(99) % SEGMENT);
            raf.readFully(partial);
            // a copy of the last record's first 300 bytes after the end, as if its append was torn
            raf.seek(end() % SEGMENT);
            partial[28] = 0;
            raf.write(partial);
        }
        Files.createFile(dir.resolve("abort"));
        try (LogCapture log = new LogCapture(StoreRecovery.class)) {
            open();
            List<String> warnings = log.messages(Level.WARN);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("torn tail truncated at " + end() + ": partial data up to"), warnings.get(0));
            assertEquals(List.of(), log.messages(Level.ERROR));
        }
        assertEverythingSurvives(100);
    }
}
