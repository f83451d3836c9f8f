package org.mercurymq.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small loop-mounted ext4 file system for disk-full tests (needs Linux and root). ext4 over a loop device
 * reproduces what a real disk does to a sparse memory-mapped file when it runs out of blocks (SIGBUS on the
 * write), which tmpfs does not. When mounting is not permitted the test is skipped with the reason printed.
 * Not thread-safe.
 */
public final class SmallFileSystem implements AutoCloseable {
    private final Path image;
    private final Path mountPoint;

    private SmallFileSystem(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** Mounts a fresh {@code megabytes} MiB ext4 (no root-reserved blocks) at {@code dir/mnt}, or skips. */
    public static SmallFileSystem ext4(Path dir, int megabytes) throws IOException {
        Path image = dir.resolve("disk.img");
        Path mnt = dir.resolve("mnt");
        Files.createDirectories(mnt);
        try (RandomAccessFile raf = new RandomAccessFile(image.toFile(), "rw")) {
            raf.setLength((long) megabytes << 20);
        }
        skipUnless(run("mkfs.ext4", "-q", "-F", "-m", "0", image.toString()), "mkfs.ext4 failed or is missing");
        skipUnless(run("mount", "-o", "loop", image.toString(), mnt.toString()),
            "cannot loop-mount an ext4 image (needs root on Linux)");
        return new SmallFileSystem(image, mnt);
    }

    private static void skipUnless(String error, String what) {
        if (error != null) {
            String reason = "SKIPPED disk-full test: " + what + ": " + error;
            System.out.println(reason);
            Assumptions.abort(reason);
        }
    }

    /** Runs a command; returns null on success, else its output. */
    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    public Path path() {
        return mountPoint;
    }

    public long usableBytes() {
        return mountPoint.toFile().getUsableSpace();
    }

    /**
     * Writes a filler file of real blocks until about {@code keepFreeBytes} stay usable (or the disk is
     * full); returns its path. Deleting it frees the space again.
     */
    public Path fill(String name, long keepFreeBytes) throws IOException {
        Path filler = mountPoint.resolve(name);
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        try (FileChannel ch = FileChannel.open(filler, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND)) {
            while (usableBytes() > keepFreeBytes) {
                long want = Math.min(chunk.capacity(), usableBytes() - keepFreeBytes);
                chunk.clear().limit((int) Math.max(1, want));
                ch.write(chunk);
            }
            ch.force(true);
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
        return filler;
    }

    /**
     * Makes every later write and flush on this file system fail with EIO, like a dying disk: the ext4
     * shutdown ioctl (EXT4_IOC_SHUTDOWN, no log flush), issued through python3 since Java has no ioctl.
     * Skips the test when that is not possible.
     */
    public void failAllWrites() {
        String script = "import os,fcntl,struct; d=os.open('" + mountPoint + "',os.O_RDONLY); "
            + "fcntl.ioctl(d,0x8004587d,struct.pack('I',2))";
        skipUnless(run("python3", "-c", script), "cannot shut the ext4 file system down (python3 and ext4 needed)");
    }

    @Override
    public void close() {
        if (run("umount", mountPoint.toString()) != null) {
            run("umount", "-l", mountPoint.toString());
        }
        try {
            Files.deleteIfExists(image);
        } catch (IOException e) {
            System.out.println("cannot delete " + image + ": " + e);
        }
    }
}
