package org.mercurymq.test.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A memory cgroup for one child JVM, so that the page cache of the daemon's files (charged to the cgroup
 * that reads or writes them) stays below a limit although the machine has plenty of RAM
 * (docs/reliability.md, "Backlog larger than the page cache"). cgroup v2 ({@code memory.max} under a
 * unified hierarchy that lists {@code memory} in {@code cgroup.controllers}) is preferred; a v1 memory
 * hierarchy ({@code memory.limit_in_bytes}) is used when that is what the machine mounts. Needs root.
 * {@link #launchPrefix()} moves the launching shell into the cgroup before it {@code exec}s java, so the
 * JVM is born inside it; {@link #close()} removes the cgroup once its processes are gone.
 */
public final class MemoryCgroup implements AutoCloseable {
    private static final Path V2_ROOT = Paths.get("/sys/fs/cgroup");
    private static final Path V1_ROOT = Paths.get("/sys/fs/cgroup/memory");

    private final Path dir;
    private final boolean v2;
    private final long limitBytes;

    private MemoryCgroup(Path dir, boolean v2, long limitBytes) {
        this.dir = dir;
        this.v2 = v2;
        this.limitBytes = limitBytes;
    }

    /** Why a memory cgroup cannot be made here, or {@code null} when it can. */
    public static String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "creating a cgroup needs root, running as " + System.getProperty("user.name");
        }
        if (v2Available() || Files.isWritable(V1_ROOT.resolve("cgroup.procs"))) {
            return null;
        }
        return "no cgroup v2 memory controller in " + V2_ROOT.resolve("cgroup.controllers")
            + " and no writable v1 memory hierarchy at " + V1_ROOT;
    }

    private static boolean v2Available() {
        Path controllers = V2_ROOT.resolve("cgroup.controllers");
        try {
            return Files.exists(controllers)
                && new String(Files.readAllBytes(controllers), StandardCharsets.UTF_8).contains("memory");
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates {@code mercury-<random>} with the given limit; see {@link #unavailableReason()} first. */
    public static MemoryCgroup create(long limitBytes) {
        boolean v2 = v2Available();
        Path root = v2 ? V2_ROOT : V1_ROOT;
        Path dir = root.resolve("mercury-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            if (v2) {
                String enabled = read(root.resolve("cgroup.subtree_control"));
                if (!enabled.contains("memory")) {
                    write(root.resolve("cgroup.subtree_control"), "+memory");
                }
            }
            Files.createDirectory(dir);
            MemoryCgroup cg = new MemoryCgroup(dir, v2, limitBytes);
            write(dir.resolve(v2 ? "memory.max" : "memory.limit_in_bytes"), Long.toString(limitBytes));
            if (v2) {
                // the limit is meant for RAM: with swap the cache would simply move there
                writeIfExists(dir.resolve("memory.swap.max"), "0");
            } else {
                writeIfExists(dir.resolve("memory.swappiness"), "0");
            }
            return cg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create memory cgroup " + dir, e);
        }
    }

    /**
     * {@code sh -c 'echo $$ > cgroup.procs && exec "$@"' cgroup-launch}: the words before {@code java};
     * the exec keeps the child's PID the JVM's PID.
     */
    public String[] launchPrefix() {
        return new String[] {"sh", "-c", "echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec \"$@\"",
            "cgroup-launch"};
    }

    public boolean isV2() {
        return v2;
    }

    public long limitBytes() {
        return limitBytes;
    }

    public Path dir() {
        return dir;
    }

    /** True when {@code pid} is a member (read from {@code cgroup.procs}). */
    public boolean contains(long pid) {
        for (String line : read(dir.resolve("cgroup.procs")).split("\n")) {
            if (line.trim().equals(Long.toString(pid))) {
                return true;
            }
        }
        return false;
    }

    /** Page cache charged to the cgroup now: total file pages and the active / inactive split. */
    public Usage usage() {
        Map<String, Long> stat = new HashMap<>();
        for (String line : read(dir.resolve("memory.stat")).split("\n")) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2) {
                stat.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        long current = Long.parseLong(read(dir.resolve(v2 ? "memory.current" : "memory.usage_in_bytes")).trim());
        long file = stat.getOrDefault(v2 ? "file" : "cache", -1L);
        return new Usage(current, file, stat.getOrDefault("active_file", -1L),
            stat.getOrDefault("inactive_file", -1L));
    }

    /** Removes the cgroup; its processes must have exited (the kernel refuses a busy cgroup). */
    @Override
    public void close() {
        // a killed JVM leaves the cgroup a moment later; retry briefly
        try {
            org.awaitility.Awaitility.await("cgroup " + dir + " removed").atMost(java.time.Duration.ofSeconds(5))
                .pollInterval(java.time.Duration.ofMillis(100)).until(() -> {
                    try {
                        Files.deleteIfExists(dir);
                        return true;
                    } catch (IOException busy) {
                        return false;
                    }
                });
            return;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported below
        }
        System.err.println("could not remove cgroup " + dir + "; remove it with rmdir");
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.write(file, value.getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeIfExists(Path file, String value) throws IOException {
        if (Files.exists(file)) {
            write(file, value);
        }
    }

    /** One reading of the cgroup's memory in bytes. Immutable. */
    public static final class Usage {
        public final long current;
        public final long file;
        public final long activeFile;
        public final long inactiveFile;

        Usage(long current, long file, long activeFile, long inactiveFile) {
            this.current = current;
            this.file = file;
            this.activeFile = activeFile;
            this.inactiveFile = inactiveFile;
        }

        @Override
        public String toString() {
            return "current=" + (current >> 20) + "MiB file=" + (file >> 20) + "MiB active_file="
                + (activeFile >> 20) + "MiB inactive_file=" + (inactiveFile >> 20) + "MiB";
        }
    }
}
