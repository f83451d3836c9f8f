package org.mercurymq.store.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.SelectMappedBufferResult;

class ConsumeQueueTest {
    @TempDir
    Path dir;

    @Test
    void entryLayoutAndFillerForALateFirstSegment() throws Exception {
        ConsumeQueue cq = new ConsumeQueue("T", 3, dir.toString(), 10 * 20);
        // the queue's first entry is logical offset 13 (older data was deleted): slots 10..12 are filler
        cq.putMessagePositionInfo(5000, 120, "TagA".hashCode(), 13);
        cq.putMessagePositionInfo(5120, 130, 0, 14);
        cq.putMessagePositionInfo(5000, 120, 0, 13);
        assertEquals(15, cq.getMaxOffsetInQueue());
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("T/3/00000000000000000200")));
        assertEquals(0, file.getLong(0));
        assertEquals(Integer.MAX_VALUE, file.getInt(8));
        assertEquals(5000, file.getLong(60));
        assertEquals(120, file.getInt(68));
        assertEquals(2598919, file.getLong(72));
        cq.correctMinOffset(4000);
        assertEquals(13, cq.getMinOffsetInQueue());
        assertNull(cq.getIndexBuffer(12));
        SelectMappedBufferResult r = cq.getIndexBuffer(14);
        assertEquals(5120, r.getByteBuffer().getLong(0));
        r.release();
        assertEquals(20, cq.rollNextFile(14));
        cq.shutdown();
    }

    @Test
    void recoverStopsAtTheFirstInvalidEntry() throws Exception {
        ConsumeQueue cq = new ConsumeQueue("T", 0, dir.toString(), 10 * 20);
        for (int i = 0; i < 14; i++) {
            cq.putMessagePositionInfo(i * 100L, 100, 0, i);
        }
        cq.flush(0);
        cq.shutdown();
        ConsumeQueue again = new ConsumeQueue("T", 0, dir.toString(), 10 * 20);
        again.load();
        again.recover();
        assertEquals(14, again.getMaxOffsetInQueue());
        assertEquals(1400, again.getMaxPhysicOffset());
        again.truncateDirtyLogicFiles(1050);
        assertEquals(10, again.getMaxOffsetInQueue());
        assertEquals(1000, again.getMaxPhysicOffset());
        again.truncateDirtyLogicFiles(0);
        assertEquals(0, again.getMaxOffsetInQueue());
        again.putMessagePositionInfo(0, 100, 0, 0);
        assertEquals(1, again.getMaxOffsetInQueue());
        again.shutdown();
    }
}
