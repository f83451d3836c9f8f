package org.mercurymq.test.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A loop-mounted ext4 file system whose power can be cut: {@link #cut()} keeps exactly what reached the
 * block device (what was written back or forced: fsync, msync, journal commits) and drops every dirty page
 * still in the page cache, as a power loss does. How: the loop device writes to its backing image file, so a
 * copy of the image taken while dirty pages of the mounted file system are still unwritten is the disk's
 * content at that instant. The mounted file system is then unmounted (its write-back goes to the discarded
 * image), the copy replaces the image, {@code e2fsck} replays the journal as a boot after a crash would, and
 * the copy is mounted at the same place. Needs root and loop devices; {@link #create} says why when it
 * cannot. Not thread-safe; processes using the mount must be dead when the power is cut.
 */
public final class PowerCutDisk implements AutoCloseable {
    private final Path image;
    private final Path mountPoint;
    private boolean mounted;
    private int cuts;
    private int repairedCuts;

    private PowerCutDisk(Path image, Path mountPoint) {
        this.image = image;
        this.mountPoint = mountPoint;
    }

    /** Creates a sparse image of {@code sizeMiB} in {@code dir}, formats it ext4 and mounts it. */
    public static PowerCutDisk create(Path dir, int sizeMiB) {
        Path image = dir.resolve("disk.img");
        Path mnt = dir.resolve("mnt");
        try {
            Files.createDirectories(mnt);
            exec("truncate", "-s", sizeMiB + "M", image.toString());
            exec("mkfs.ext4", "-q", "-F", image.toString());
            PowerCutDisk d = new PowerCutDisk(image, mnt);
            d.mount();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path mountPoint() {
        return mountPoint;
    }

    /**
     * Cuts the power: the disk keeps only what the device had received (the kernel's own periodic write-back
     * may race the copy, as it races a real power loss).
     */
    public void cut() {
        Path snapshot = image.resolveSibling("disk.img.cut");
        // the copy is the disk at power loss; no sync before it, that is the point
        exec("cp", "--sparse=always", image.toString(), snapshot.toString());
        umount();
        try {
            Files.move(snapshot, image, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // boot after a crash: journal replay and repair (exit 1 = errors corrected)
        int rc = run("e2fsck", "-f", "-y", image.toString());
        if (rc > 1) {
            throw new IllegalStateException("e2fsck after the power cut exited with " + rc);
        }
        cuts++;
        if (rc == 1) {
            // a repair beyond journal replay: the copy raced the kernel's write-back (see the class comment)
            repairedCuts++;
            System.out.println("power cut " + cuts + " of " + image + ": e2fsck repaired the file system");
        }
        mount();
    }

    /** Power cuts so far after which e2fsck had to repair more than replay the journal. */
    public int repairedCuts() {
        return repairedCuts;
    }

    private void mount() {
        exec("mount", "-o", "loop", image.toString(), mountPoint.toString());
        mounted = true;
    }

    private void umount() {
        if (mounted) {
            exec("umount", mountPoint.toString());
            mounted = false;
        }
    }

    @Override
    public void close() {
        try {
            umount();
        } catch (RuntimeException e) {
            // a process may still hold it: detach lazily so the loop device is freed when it exits
            run("umount", "-l", mountPoint.toString());
        }
        try {
            Files.deleteIfExists(image);
        } catch (IOException e) {
            // the temp dir cleanup retries
        }
    }

    private static void exec(String... cmd) {
        int rc = run(cmd);
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + rc);
        }
    }

    private static int run(String... cmd) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(Arrays.asList(cmd))).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " timed out");
            }
            if (p.exitValue() != 0 && out.length > 0) {
                System.err.println(String.join(" ", cmd) + ": " + new String(out, StandardCharsets.UTF_8).trim());
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + cmd[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Null when this machine can loop-mount an ext4 image here, otherwise the reason it cannot. */
    public static String unavailableReason(Path dir) {
        try {
            PowerCutDisk probe = create(dir.resolve("probe"), 32);
            probe.close();
            return null;
        } catch (RuntimeException e) {
            return "cannot loop-mount an ext4 image (needs root, mkfs.ext4 and a free loop device): " + e.getMessage();
        }
    }
}
