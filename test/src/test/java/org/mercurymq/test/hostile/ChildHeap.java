package org.mercurymq.test.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Used heap of a child JVM after a forced full GC, read with {@code jcmd <pid> GC.run} and
 * {@code GC.heap_info} (the sum of the "used" figures of the heap generations or regions).
 */
final class ChildHeap {
    private static final Pattern USED = Pattern.compile("(generation|heap)\\s+total \\d+K, used (\\d+)K");

    private ChildHeap() {
    }

    /** Used heap in bytes after a full GC. */
    static long usedAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = USED.matcher(info);
        long usedKb = 0;
        boolean found = false;
        while (m.find()) {
            usedKb += Long.parseLong(m.group(2));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no heap figures in jcmd output:\n" + info);
        }
        return usedKb * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd", Long.toString(pid), command)
            .redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + out);
        }
        return out;
    }
}
