package org.mercurymq.store.logfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.SelectMappedBufferResult;

class MappedFileQueueTest {
    @TempDir
    Path dir;

    @Test
    void rollsOverAndFindsByOffset() {
        MappedFileQueue q = new MappedFileQueue(dir.toString(), 1024, null);
        byte[] chunk = new byte[100];
        for (int i = 0; i < 25; i++) {
            MappedFile f = q.getLastMappedFile(0, true);
            if (!f.appendMessage(chunk, 0, 100)) {
                f.fillToEnd(0);
                f = q.getLastMappedFile(0, true);
                assertTrue(f.appendMessage(chunk, 0, 100));
            }
        }
        assertEquals(3, q.getMappedFiles().size());
        assertTrue(new File(dir.toFile(), "00000000000000001024").exists());
        assertSame(q.getMappedFiles().get(1), q.findMappedFileByOffset(1024 + 5));
        assertNull(q.findMappedFileByOffset(5000));
        assertEquals(2048 + 500, q.getMaxOffset());
        assertEquals(3072, q.rollNextFile(2100));
        SelectMappedBufferResult r = q.select(2048 + 100, 100);
        assertNotNull(r);
        r.release();
        assertNull(q.select(2048 + 450, 100), "beyond the written position");
        q.shutdown();
    }

    @Test
    void writingThroughTheChannelIsReadThroughTheMappingAndReachesTheFile() throws Exception {
        MappedFileQueue q = new MappedFileQueue(dir.toString(), 1024, null, false, null, true);
        byte[] chunk = new byte[100];
        for (int i = 0; i < 15; i++) {
            java.util.Arrays.fill(chunk, (byte) (i + 1));
            MappedFile f = q.getLastMappedFile(0, true);
            if (!f.appendMessage(java.nio.ByteBuffer.wrap(chunk), 0, 100)) {
                f.fillToEnd(0);
                f = q.getLastMappedFile(0, true);
                assertTrue(f.appendMessage(java.nio.ByteBuffer.wrap(chunk), 0, 100));
            }
        }
        assertEquals(2, q.getMappedFiles().size(), "rolled over: the new segment writes through the channel too");
        assertEquals(1024 + 500, q.getMaxOffset());
        SelectMappedBufferResult r = q.select(1024 + 400, 100);
        assertNotNull(r);
        assertEquals(15, r.getByteBuffer().get(0), "what pwrite wrote, read through the mapping");
        r.release();
        q.flush(0);
        assertEquals(1024 + 500, q.getFlushedWhere());
        q.shutdown();
        byte[] second = Files.readAllBytes(dir.resolve("00000000000000001024"));
        assertEquals(11, second[0]);
        assertEquals(15, second[499]);
        assertEquals(0, second[500]);
        byte[] first = Files.readAllBytes(dir.resolve("00000000000000000000"));
        assertEquals(1, first[0]);
        assertEquals(10, first[999]);
    }

    @Test
    void truncateZeroesStaleBytesAndDeletesLaterFiles() throws Exception {
        MappedFileQueue q = new MappedFileQueue(dir.toString(), 1024, null);
        byte[] ones = new byte[1000];
        java.util.Arrays.fill(ones, (byte) 1);
        q.getLastMappedFile(0, true).appendMessage(ones, 0, 1000);
        q.getLastMappedFile(0, true).fillToEnd(0);
        q.getLastMappedFile(0, true).appendMessage(ones, 0, 1000);
        q.flush(0);
        q.truncateDirtyFiles(600);
        assertEquals(1, q.getMappedFiles().size());
        assertEquals(600, q.getMaxOffset());
        assertFalse(new File(dir.toFile(), "00000000000000001024").exists());
        q.shutdown();
        byte[] onDisk = Files.readAllBytes(dir.resolve("00000000000000000000"));
        assertEquals(1, onDisk[599]);
        assertEquals(0, onDisk[600]);
        assertEquals(0, onDisk[999]);
    }

    @Test
    void deletesExpiredFilesButNeverTheLast() throws Exception {
        MappedFileQueue q = new MappedFileQueue(dir.toString(), 1024, null);
        for (int i = 0; i < 4; i++) {
            MappedFile f = q.getLastMappedFile(0, true);
            f.fillToEnd(0);
        }
        q.getLastMappedFile(0, true);
        for (MappedFile f : q.getMappedFiles()) {
            assertTrue(f.getFile().setLastModified(1_000_000L));
        }
        assertEquals(0, q.deleteExpiredFileByTime(1000, 0, 1000, false, 1_000_500L));
        assertEquals(4, q.deleteExpiredFileByTime(1000, 0, 1000, false, 1_002_000L));
        assertEquals(1, q.getMappedFiles().size());
        assertEquals(4096, q.getMinOffset());
        q.shutdown();
    }

    @Test
    void heldFileIsNotUnmappedUnderAReader() {
        MappedFileQueue q = new MappedFileQueue(dir.toString(), 1024, null);
        MappedFile f = q.getLastMappedFile(0, true);
        f.appendMessage(new byte[] {42}, 0, 1);
        SelectMappedBufferResult view = f.selectMappedBuffer(0, 1);
        assertFalse(f.destroy(60_000), "a reader still holds it");
        assertEquals(42, view.getByteBuffer().get(0));
        view.release();
        assertTrue(f.destroy(60_000));
    }
}
