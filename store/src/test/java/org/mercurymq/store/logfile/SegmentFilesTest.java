package org.mercurymq.store.logfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.SmallFileSystem;

/** Segments are created on real blocks, so a full disk refuses them instead of faulting a later write. */
class SegmentFilesTest {
    @TempDir
    Path dir;

    /** Allocated bytes of a file, from stat(1); skips where it is unavailable. */
    private static long allocatedBytes(Path file) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            String reason = "SKIPPED: stat(1) unavailable: " + e;
            System.out.println(reason);
            Assumptions.abort(reason);
            return -1;
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        String[] out = new String(p.getInputStream().readAllBytes()).trim().split(" ");
        return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    }

    @Test
    void aNewSegmentHasAllItsBlocks() throws Exception {
        int size = 4 << 20;
        MappedFile f = new MappedFile(dir.resolve(MappedFile.fileNameOf(0)).toString(), size);
        try {
            assertTrue(allocatedBytes(f.getFile().toPath()) >= size,
                "a sparse segment would fault (SIGBUS) when written through the mapping on a full disk");
        } finally {
            f.destroy(0);
        }
    }

    @Test
    void aSegmentQueueSkipsAndDeletesATornPreallocation() throws Exception {
        Path cl = dir.resolve("cl");
        Files.createDirectories(cl);
        Path torn = cl.resolve(MappedFile.fileNameOf(0) + SegmentFiles.ALLOCATING_SUFFIX);
        Files.write(torn, new byte[100]);
        MappedFileQueue q = new MappedFileQueue(cl.toString(), 1024, null);
        q.load();
        assertTrue(q.isEmpty());
        assertFalse(Files.exists(torn));
    }

    @Test
    void aSegmentThatDoesNotFitIsRefusedCleanly() throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.ext4(dir, 8)) {
            long usable = fs.usableBytes();
            String name = fs.path().resolve(MappedFile.fileNameOf(0)).toString();
            OutOfSpaceException e = assertThrows(OutOfSpaceException.class,
                () -> new MappedFile(name, (int) usable + (1 << 20)));
            assertTrue(e.getMessage().contains("free"), e.getMessage());
            try (var files = Files.list(fs.path())) {
                assertEquals(0, files.filter(p -> !p.getFileName().toString().equals("lost+found")).count(),
                    "nothing is left behind");
            }
            // the OS's ENOSPC during the zero-fill (the free-space estimate passed) is reported the same way
            fs.fill("filler", 512 * 1024);
            MappedFileQueue q = new MappedFileQueue(fs.path().resolve("q").toString(), 1 << 20, null);
            assertEquals(null, q.getLastMappedFile(0, true));
            assertTrue(OutOfSpaceException.isCause(q.lastCreateFailure()), String.valueOf(q.lastCreateFailure()));
        }
    }
}
