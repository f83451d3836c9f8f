package org.mercurymq.test.chaos.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Hands out a unique name prefix and /24 subnet to each lab and records its owner (PID and start time) in
 * {@code /run/mercury-netlab/<prefix>}, so that a later run, under the same file lock, can tell the leftovers
 * of a killed run (owner gone) from those of a run still going (owner alive, e.g. another engineer's JVM) and
 * remove only the former. /run is a tmpfs: the records vanish on reboot together with what they describe.
 * Thread-safe through the file lock.
 */
final class LabRegistry {
    /** Interface names may have 15 characters: "mqn" + 4 hex + "br" / "h12" / "n12" stays well below. */
    static final String NAME_ROOT = "mqn";
    /** Labs use 10.231.X.0/24; X picks the lab. These addresses exist only on this machine's lab links. */
    static final String SUBNET_ROOT = "10.231";

    private final Path dir;
    private final SecureRandom random = new SecureRandom();

    LabRegistry(Path dir) {
        this.dir = dir;
    }

    static LabRegistry standard() {
        return new LabRegistry(Paths.get("/run/mercury-netlab"));
    }

    /** A claimed prefix and subnet; {@link #release(Lease)} gives them back. */
    record Lease(String prefix, String subnet, Path record) {
    }

    /** Cleans stale labs, then claims a free prefix and subnet for this JVM. */
    Lease claim() {
        return locked(() -> {
            Set<String> usedSubnets = new HashSet<>();
            for (Path rec : records()) {
                Properties p = read(rec);
                if (ownerAlive(p)) {
                    usedSubnets.add(p.getProperty("subnet"));
                } else {
                    String prefix = rec.getFileName().toString();
                    List<String> left = LabTeardown.remove(prefix, p.getProperty("subnet", "none"));
                    System.out.println("[netlab] removed stale lab " + prefix + " of dead pid " + p.getProperty("pid")
                        + (left.isEmpty() ? "" : "; could not remove " + left));
                    Files.deleteIfExists(rec);
                }
            }
            String routes = Shell.tryRunOutput("ip", "-4", "route", "show", "table", "all");
            for (int attempt = 0; attempt < 200; attempt++) {
                String subnet = SUBNET_ROOT + "." + (1 + random.nextInt(254));
                String prefix = NAME_ROOT + String.format("%04x", random.nextInt(0x10000));
                if (usedSubnets.contains(subnet) || routes.contains(subnet + ".")
                    || Files.exists(dir.resolve(prefix)) || !LabTeardown.linksWithPrefix(prefix).isEmpty()) {
                    continue;
                }
                Path rec = dir.resolve(prefix);
                ProcessHandle self = ProcessHandle.current();
                String content = "pid=" + self.pid() + "\nstart=" + startOf(self) + "\nsubnet=" + subnet + "\n";
                Files.write(rec, content.getBytes(StandardCharsets.UTF_8));
                return new Lease(prefix, subnet, rec);
            }
            throw new IllegalStateException("no free lab subnet under " + SUBNET_ROOT + ".0.0/16");
        });
    }

    void release(Lease lease) {
        locked(() -> Files.deleteIfExists(lease.record()));
    }

    private List<Path> records() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(NAME_ROOT)).toList();
        }
    }

    private static boolean ownerAlive(Properties p) {
        try {
            long pid = Long.parseLong(p.getProperty("pid", "-1"));
            return ProcessHandle.of(pid).map(h -> startOf(h).equals(p.getProperty("start"))).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String startOf(ProcessHandle h) {
        return h.info().startInstant().map(Object::toString).orElse("?");
    }

    private static Properties read(Path rec) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(rec)) {
            p.load(in);
        }
        return p;
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private <T> T locked(IoAction<T> action) {
        // the file lock keeps other JVMs out; the monitor keeps this JVM's own threads from overlapping locks
        synchronized (LabRegistry.class) {
            return lockedFile(action);
        }
    }

    private <T> T lockedFile(IoAction<T> action) {
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                     StandardOpenOption.WRITE);
                 FileLock lock = ch.lock()) {
                return action.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lab registry " + dir, e);
        }
    }
}
