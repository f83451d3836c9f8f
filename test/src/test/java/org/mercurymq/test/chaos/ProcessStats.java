package org.mercurymq.test.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** Resident memory and open file descriptors of a process, read from Linux's /proc. Immutable. */
public final class ProcessStats {
    public final long rssKiB;
    public final long openFds;

    private ProcessStats(long rssKiB, long openFds) {
        this.rssKiB = rssKiB;
        this.openFds = openFds;
    }

    public static ProcessStats of(long pid) {
        Path proc = Paths.get("/proc", Long.toString(pid));
        try {
            long rss = -1;
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            long fds;
            try (Stream<Path> s = Files.list(proc.resolve("fd"))) {
                fds = s.count();
            }
            return new ProcessStats(rss, fds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc of " + pid, e);
        }
    }

    @Override
    public String toString() {
        return "rss=" + (rssKiB / 1024) + "MiB fds=" + openFds;
    }
}
