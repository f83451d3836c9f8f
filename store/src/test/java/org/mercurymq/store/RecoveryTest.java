package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;

/** Restarts over real broken files: torn, garbage and truncated tails, lost queues, abort states. */
class RecoveryTest {
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

    private void reopen() {
        store.shutdown();
        open();
    }

    /** Writes {@code n} messages of ~1 KiB to queues 0 and 1 (crossing segments), then stops cleanly. */
    private void writeAndStop(int n) {
        open();
        for (int i = 0; i < n; i++) {
            MessageExtBrokerInner msg = message("T", i % 2, body(i), "TagA", "key" + i);
            PutMessageResult r = store.putMessage(msg);
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

    private void markAbnormal() throws IOException {
        Files.createFile(dir.resolve("abort"));
    }

    private void writeAt(long offset, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(segmentOf(offset).toFile(), "rw")) {
            raf.seek(offset % SEGMENT);
            raf.write(bytes);
        }
    }

    private byte[] readAt(long offset, int len) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(segmentOf(offset).toFile(), "r")) {
            byte[] out = new byte[len];
            raf.seek(offset % SEGMENT);
            raf.readFully(out);
            return out;
        }
    }

    private void assertAllReadable(int count) {
        assertEquals((count + 1) / 2, store.getMaxOffsetInQueue("T", 0));
        assertEquals(count / 2, store.getMaxOffsetInQueue("T", 1));
        for (int i = 0; i < count; i++) {
            MessageExt m = store.lookMessageByOffset(offsets.get(i));
            assertEquals(new String(body(i), StandardCharsets.ISO_8859_1),
                new String(m.getBody(), StandardCharsets.ISO_8859_1), "message " + i);
            assertEquals(i / 2, m.getQueueOffset());
            assertEquals(offsets.get(i), store.getCommitLogOffsetInQueue("T", i % 2, i / 2));
        }
    }

    @Test
    void normalRestartKeepsEverything() {
        writeAndStop(150);
        assertFalse(Files.exists(dir.resolve("abort")));
        open();
        assertEquals(end(), store.getMaxPhyOffset());
        assertAllReadable(150);
        PutMessageResult r = store.putMessage(message("T", 0, "next"));
        assertEquals(75, r.getAppendMessageResult().getLogicsOffset());
        assertEquals(end(), r.getAppendMessageResult().getWroteOffset());
    }

    @Test
    void tornTailIsTruncatedAndZeroed() throws IOException {
        writeAndStop(100);
        byte[] last = readAt(offsets.get(99), sizes.get(99));
        writeAt(end(), java.util.Arrays.copyOf(last, 300));
        markAbnormal();
        open();
        assertEquals(end(), store.getMaxPhyOffset());
        assertAllReadable(100);
        assertEquals(0, readAt(end(), 300)[10]);
        PutMessageResult r = store.putMessage(message("T", 0, "after crash"));
        assertEquals(end(), r.getAppendMessageResult().getWroteOffset());
        reopen();
        assertEquals("after crash", new String(store.lookMessageByOffset(end()).getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void garbageTailIsTruncated() throws IOException {
        writeAndStop(60);
        byte[] garbage = new byte[5000];
        new Random(7).nextBytes(garbage);
        writeAt(end(), garbage);
        markAbnormal();
        open();
        assertEquals(end(), store.getMaxPhyOffset());
        assertAllReadable(60);
        assertTrue(java.util.Arrays.equals(new byte[5000], readAt(end(), 5000)));
    }

    @Test
    void corruptBodyDropsTheRecordAndItsQueueEntry() throws IOException {
        writeAndStop(40);
        long lastOffset = offsets.get(39);
        writeAt(lastOffset + MessageDecoder.BODY_SIZE_POSITION + 4 + 10, new byte[] {0x55, 0x55});
        open();
        assertEquals(lastOffset, store.getMaxPhyOffset());
        assertEquals(20, store.getMaxOffsetInQueue("T", 0));
        assertEquals(19, store.getMaxOffsetInQueue("T", 1));
        offsets.remove(39);
        sizes.remove(39);
        assertAllReadable(39);
    }

    @Test
    void truncatedLastSegmentIsExtended() throws IOException {
        writeAndStop(100);
        Path last = segmentOf(end());
        try (RandomAccessFile raf = new RandomAccessFile(last.toFile(), "rw")) {
            raf.setLength(end() % SEGMENT + 100);
        }
        markAbnormal();
        open();
        assertEquals(SEGMENT, Files.size(last));
        assertEquals(end(), store.getMaxPhyOffset());
        assertAllReadable(100);
    }

    @Test
    void wrongSizedMiddleSegmentRefusesToLoad() throws IOException {
        writeAndStop(150);
        try (RandomAccessFile raf = new RandomAccessFile(segmentOf(0).toFile(), "rw")) {
            raf.setLength(SEGMENT / 2);
        }
        DefaultMessageStore broken = new DefaultMessageStore(StoreTestSupport.config(dir), clock, null);
        StoreException e = assertThrows(StoreException.class, broken::load);
        assertTrue(e.getMessage().contains("configured size"), e.getMessage());
        // the lock was released: a fixed store opens
        try (RandomAccessFile raf = new RandomAccessFile(segmentOf(0).toFile(), "rw")) {
            raf.setLength(SEGMENT);
        }
        open();
    }

    @Test
    void deletedConsumeQueueIsRebuilt() throws IOException {
        writeAndStop(120);
        try (Stream<Path> walk = Files.walk(dir.resolve("consumequeue"))) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        open();
        assertAllReadable(120);
        assertEquals(61, store.putMessage(message("T", 1, "x")).getAppendMessageResult().getLogicsOffset() + 1);
    }

    @Test
    void queueEntriesBeyondTheCommitLogAreDropped() throws IOException {
        writeAndStop(30);
        // zero the last two records: the consume queue now points past the end of valid data
        writeAt(offsets.get(28), new byte[sizes.get(28) + sizes.get(29)]);
        open();
        assertEquals(offsets.get(28), store.getMaxPhyOffset());
        assertEquals(14, store.getMaxOffsetInQueue("T", 0));
        assertEquals(14, store.getMaxOffsetInQueue("T", 1));
        PutMessageResult r = store.putMessage(message("T", 0, "refill"));
        assertEquals(14, r.getAppendMessageResult().getLogicsOffset());
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
        assertEquals(r.getAppendMessageResult().getWroteOffset(), store.getCommitLogOffsetInQueue("T", 0, 14));
    }

    @Test
    void abnormalExitWithoutCheckpointRebuildsIndexAndQueues() throws IOException {
        writeAndStop(80);
        Files.delete(dir.resolve("checkpoint"));
        markAbnormal();
        open();
        assertAllReadable(80);
        QueryMessageResult q = store.queryMessage("T", "key5", 10, 0, Long.MAX_VALUE);
        assertEquals(1, q.getMessageBufferList().size());
        MessageExt m = MessageDecoder.decode(q.getMessageBufferList().get(0));
        assertEquals(offsets.get(5), m.getCommitLogOffset());
        q.release();
    }

    @Test
    void secondStoreOnTheSameDirectoryIsRefused() {
        open();
        DefaultMessageStore second = new DefaultMessageStore(StoreTestSupport.config(dir), clock, null);
        StoreException e = assertThrows(StoreException.class, second::load);
        assertTrue(e.getMessage().contains("already in use"), e.getMessage());
    }

    @Test
    void checkpointRecordsFlushedTimes() throws IOException {
        writeAndStop(10);
        ByteBuffer cp = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("checkpoint")));
        assertEquals(4096, cp.capacity());
        long lastStore = clock.millis() - 1000;
        assertEquals(lastStore, cp.getLong(0));
        assertEquals(lastStore, cp.getLong(8));
    }
}
