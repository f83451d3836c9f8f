package org.mercurymq.store.logfile;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * Creates segment files backed by real disk blocks. A sparse file (what {@code setLength} makes) has no
 * blocks until a page is first written; written through a memory mapping on a full disk, that write faults
 * (SIGBUS, seen in Java as {@code InternalError}) after the put may already have been acknowledged, leaving
 * a zero hole. Allocating every block up front (fallocate, else zeros written through the channel) makes a
 * full disk fail here, as an {@link IOException}, before anything is accepted (docs/store.md
 * "Preallocation"). Stateless.
 */
public final class SegmentFiles {
    /** Suffix of a segment being preallocated; such leftovers of a crash are deleted at load. */
    public static final String ALLOCATING_SUFFIX = ".alloc";
    private static final int ZERO_CHUNK = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(ZERO_CHUNK).asReadOnlyBuffer();
    private static final String FALLOCATE = findFallocate();
    /**
     * Files up to this size are zero-filled in-process: a consume-queue segment (6 MB by default) is written
     * in a few milliseconds, while starting the fallocate process costs tens of milliseconds on the dispatcher
     * thread, which delays when a new queue's first message becomes consumable.
     */
    private static final long ZERO_FILL_MAX = 16L << 20;

    private SegmentFiles() {
    }

    /**
     * Creates {@code file} with {@code size} zero bytes on real blocks: written under a temporary name,
     * then renamed, so a crash or a full disk never leaves a short or sparse segment under the real name.
     * Throws {@link OutOfSpaceException} when the file system cannot hold it (nothing is left behind).
     */
    public static void preallocate(File file, long size) throws IOException {
        File dir = file.getAbsoluteFile().getParentFile();
        if (dir != null && !dir.isDirectory() && !dir.mkdirs() && !dir.isDirectory()) {
            throw new IOException("cannot create directory " + dir);
        }
        if (dir != null) {
            long usable = dir.getUsableSpace();
            if (usable > 0 && usable < size) {
                throw new OutOfSpaceException("cannot allocate segment " + file + " of " + size + " bytes: only "
                    + usable + " bytes free in " + dir);
            }
        }
        File tmp = new File(file.getPath() + ALLOCATING_SUFFIX);
        boolean ok = false;
        try {
            try (RandomAccessFile raf = new RandomAccessFile(tmp, "rw")) {
                raf.setLength(0);
            }
            boolean allocated = size > ZERO_FILL_MAX && fallocate(tmp, size);
            if (!allocated) {
                try (RandomAccessFile raf = new RandomAccessFile(tmp, "rw")) {
                    raf.setLength(0);
                    fillZeros(raf.getChannel(), 0, size);
                }
            }
            Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE);
            ok = true;
        } catch (IOException e) {
            if (OutOfSpaceException.isCause(e)) {
                throw new OutOfSpaceException("cannot allocate segment " + file + " of " + size + " bytes: "
                    + e.getMessage(), e);
            }
            throw e;
        } finally {
            if (!ok) {
                Files.deleteIfExists(tmp.toPath());
            }
        }
    }

    /**
     * Allocates {@code size} bytes of real blocks for the (empty) file with util-linux {@code fallocate}: the
     * JDK has no posix_fallocate, and a zero-fill of a 1 GiB segment or a 420 MB index file costs seconds
     * where fallocate costs microseconds. Returns false when unavailable or unsupported by the file system
     * (the caller zero-fills instead); throws {@link OutOfSpaceException} when the file system is full.
     */
    private static boolean fallocate(File file, long size) throws IOException {
        if (FALLOCATE == null) {
            return false;
        }
        Process p = new ProcessBuilder(FALLOCATE, "-l", Long.toString(size), file.getPath())
            .redirectErrorStream(true).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return false;
        }
        if (p.exitValue() == 0 && file.length() == size) {
            return true;
        }
        if (out.contains("No space left") || out.contains("Disk quota exceeded")) {
            throw new OutOfSpaceException("fallocate of " + size + " bytes for " + file + " failed: " + out);
        }
        return false;
    }

    private static String findFallocate() {
        for (String candidate : new String[] {"/usr/bin/fallocate", "/bin/fallocate"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    /** Writes zeros into {@code [from, to)} of the channel, allocating those blocks. */
    public static void fillZeros(FileChannel channel, long from, long to) throws IOException {
        long position = from;
        while (position < to) {
            ByteBuffer chunk = ZEROS.duplicate();
            chunk.limit((int) Math.min(ZERO_CHUNK, to - position));
            while (chunk.hasRemaining()) {
                position += channel.write(chunk, position);
            }
        }
    }
}
