package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.store.recovery.StoreRecovery;

/**
 * Invalid bytes in the middle of the commit log followed by valid records (a zero-filled hole left by a
 * full disk, a flipped bit in a record body): recovery keeps the valid records after them, reports the
 * hole in one ERROR line with its numbers, and readers and the dispatcher skip it. A torn tail (nothing
 * valid after it) is still truncated. Real files in a temp dir, broken by hand between runs.
 */
class CommitLogHoleTest {
    private static final int SEGMENT = 64 * 1024;

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

    /** {@code n} messages of ~1 KiB alternating between queues 0 and 1 (about 60 per segment). */
    private void writeAndStop(int n) {
        open();
        for (int i = 0; i < n; i++) {
            PutMessageResult r = store.putMessage(message("T", i % 2, body(i), "TagA", "key" + i));
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

    private Path segmentOf(long offset) {
        return dir.resolve("commitlog").resolve(String.format("%020d", offset - offset % SEGMENT));
    }

    /** Zeroes [from, to) of the commit log (within one segment). */
    private void zero(long from, long to) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(segmentOf(from).toFile(), "rw")) {
            raf.seek(from % SEGMENT);
            raf.write(new byte[(int) (to - from)]);
        }
    }

    private void markAbnormal() throws IOException {
        Files.createFile(dir.resolve("abort"));
    }

    /** An abnormal exit whose checkpoint predates the damage: recovery scans from the first segment. */
    private void markAbnormalWithOldCheckpoint() throws IOException {
        markAbnormal();
        Files.delete(dir.resolve("checkpoint"));
    }

    private void assertReadable(int i) {
        MessageExt m = store.lookMessageByOffset(offsets.get(i));
        assertNotNull(m, "message " + i + " at " + offsets.get(i));
        assertArrayEquals(body(i), m.getBody(), "body of message " + i);
        assertEquals(i / 2, m.getQueueOffset());
    }

    /** Queue offsets served by pulling queue {@code queueId} from 0 to the end. */
    private List<Long> pullAll(int queueId) {
        List<Long> served = new ArrayList<>();
        long offset = 0;
        while (offset < store.getMaxOffsetInQueue("T", queueId)) {
            GetMessageResult r = store.getMessage("g", "T", queueId, offset, 32, null);
            for (var buf : r.getMessageBufferList()) {
                served.add(MessageDecoder.decode(buf.duplicate(), false, false).getQueueOffset());
            }
            r.release();
            assertTrue(r.getNextBeginOffset() > offset, "pull advances at " + offset + ": " + r.getStatus());
            offset = r.getNextBeginOffset();
        }
        return served;
    }

    @Test
    void zeroHoleInTheMiddleOfASegmentKeepsTheRecordsAfterIt() throws IOException {
        writeAndStop(150);
        zero(offsets.get(10), offsets.get(20));
        markAbnormalWithOldCheckpoint();
        try (LogCapture log = new LogCapture(StoreRecovery.class)) {
            open();
            List<String> errors = log.messages(Level.ERROR);
            assertEquals(1, errors.size(), errors.toString());
            String line = errors.get(0);
            assertTrue(line.contains((offsets.get(20) - offsets.get(10)) + " bytes"), line);
            assertTrue(line.contains("[" + offsets.get(10) + ", " + offsets.get(20) + ")"), line);
            assertTrue(line.contains("followed by 130 valid records up to " + end()), line);
            assertTrue(line.contains(String.format("%020d", 0)), line);
        }
        assertEquals(end(), store.getMaxPhyOffset());
        assertEquals(1, store.getStoreStats().getRecoveryHoles());
        assertEquals(String.valueOf(offsets.get(20) - offsets.get(10)),
            store.getRuntimeInfo().get("commitLogRecoveryHoleBytes"));
        for (int i = 0; i < 150; i++) {
            if (i < 10 || i >= 20) {
                assertReadable(i);
            } else {
                assertNull(store.lookMessageByOffset(offsets.get(i)), "message " + i + " was in the hole");
            }
        }
        // queue 0 held messages 0, 2, ...: queue offsets 5..9 were in the hole and are skipped
        List<Long> served = pullAll(0);
        assertEquals(70, served.size());
        assertEquals(List.of(3L, 4L, 10L, 11L), served.subList(3, 7));
        // new messages go after the kept data, with the next queue offset
        PutMessageResult r = store.putMessage(message("T", 0, "after"));
        assertEquals(end(), r.getAppendMessageResult().getWroteOffset());
        assertEquals(75, r.getAppendMessageResult().getLogicsOffset());
    }

    @Test
    void holeToTheEndOfASegmentKeepsTheFollowingSegments() throws IOException {
        writeAndStop(150);
        long segment1 = SEGMENT;
        int firstInSegment1 = 0;
        while (offsets.get(firstInSegment1) < segment1) {
            firstInSegment1++;
        }
        zero(offsets.get(30), segment1);
        markAbnormalWithOldCheckpoint();
        open();
        assertEquals(end(), store.getMaxPhyOffset());
        assertTrue(Files.exists(segmentOf(2L * SEGMENT)), "later segments are kept");
        for (int i = firstInSegment1; i < 150; i++) {
            assertReadable(i);
        }
        for (int i = 0; i < 30; i++) {
            assertReadable(i);
        }
        assertEquals(75, store.getMaxOffsetInQueue("T", 0));
    }

    @Test
    void holeWithoutConsumeQueuesIsSkippedWhileRebuildingThem() throws IOException {
        writeAndStop(150);
        zero(offsets.get(70), offsets.get(71));
        try (var walk = Files.walk(dir.resolve("consumequeue"))) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        markAbnormal();
        open();
        assertEquals(0, store.dispatchBehindBytes());
        assertNull(store.whyNotWriteable(), "the dispatcher skipped the hole instead of stopping");
        assertEquals(75, store.getMaxOffsetInQueue("T", 0));
        assertEquals(offsets.get(72), store.getCommitLogOffsetInQueue("T", 0, 36));
        assertEquals(149, pullAll(0).size() + pullAll(1).size());
    }

    @Test
    void flippedBitInAMiddleRecordDropsOnlyThatRecord() throws IOException {
        writeAndStop(100);
        long victim = offsets.get(40);
        try (RandomAccessFile raf = new RandomAccessFile(segmentOf(victim).toFile(), "rw")) {
            long at = victim % SEGMENT + MessageDecoder.BODY_SIZE_POSITION + 4 + 500;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x10);
        }
        try (LogCapture log = new LogCapture(StoreRecovery.class)) {
            open();
            String line = log.messages(Level.ERROR).get(0);
            assertTrue(line.contains("1 corrupt record(s) in it dropped [" + victim + "]"), line);
            assertTrue(line.contains("followed by 59 valid records"), line);
        }
        assertEquals(end(), store.getMaxPhyOffset());
        assertNull(store.lookMessageByOffset(victim), "the corrupt record is not served");
        for (int i = 0; i < 100; i++) {
            if (i != 40) {
                assertReadable(i);
            }
        }
        List<Long> served = pullAll(0);
        assertEquals(49, served.size());
        assertTrue(!served.contains(20L), "queue offset 20 (the corrupt record) is skipped");
    }

    @Test
    void tornTailIsStillTruncatedWithoutAHoleReport() throws IOException {
        writeAndStop(100);
        zero(offsets.get(97), end());
        markAbnormal();
        try (LogCapture log = new LogCapture(StoreRecovery.class)) {
            open();
            assertEquals(List.of(), log.messages(Level.ERROR));
        }
        assertEquals(offsets.get(97), store.getMaxPhyOffset());
        assertEquals(0, store.getStoreStats().getRecoveryHoles());
        assertEquals(49, store.getMaxOffsetInQueue("T", 0));
        assertEquals(48, store.getMaxOffsetInQueue("T", 1));
    }
}
