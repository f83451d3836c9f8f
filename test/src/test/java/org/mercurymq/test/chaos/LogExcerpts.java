package org.mercurymq.test.chaos;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The WARN and ERROR lines of every daemon log under a test directory, for the failure message of a chaos
 * run (CI shows the message, not the files). Stateless.
 */
public final class LogExcerpts {
    private LogExcerpts() {
    }

    /**
     * WARN lines of the official 4.9.7 client's own log (rocketmq_client.log under {@code rocketmq.client.logRoot},
     * default ~/logs/rocketmqlogs) that mention one of {@code needles}, from its last 32 MiB: it says when a
     * consumer saw an illegal offset, dropped a queue or reports a "[BUG]" in a pull result.
     */
    public static String clientWarnings(List<String> needles, int max) {
        return clientLines(l -> l.contains(" WARN ") && needles.stream().anyMatch(l::contains), max);
    }

    /**
     * The client log's lines of any level about one queue of one consumer group (rebalance, lock, offset fix,
     * drop): what the consumer did with the queue a key went missing from.
     */
    public static String clientQueueLines(String group, String topic, String queue, int max) {
        int colon = queue.lastIndexOf(':');
        String mq = "topic=" + topic + ", brokerName=" + queue.substring(0, colon) + ", queueId="
            + queue.substring(colon + 1) + "]";
        return clientLines(l -> l.contains(mq) && l.contains(group), max);
    }

    private static String clientLines(Predicate<String> wanted, int max) {
        Path log = Paths.get(System.getProperty("rocketmq.client.logRoot",
            System.getProperty("user.home") + "/logs/rocketmqlogs"), "rocketmq_client.log");
        if (!Files.isRegularFile(log)) {
            return "\n(no client log at " + log + ")";
        }
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, f.length() - (32L << 20));
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            for (String l : new String(tail, StandardCharsets.UTF_8).split("\n")) {
                if (wanted.test(l)) {
                    lines.add(l);
                }
            }
        } catch (IOException e) {
            return "\n(client log unreadable: " + e + ")";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - max), lines.size());
        return "\n" + String.join("\n", last);
    }

    /** At most {@code max} lines, each prefixed with its file's path relative to {@code root}. */
    public static String warnings(Path root, int max) {
        List<String> lines = new ArrayList<>();
        List<Path> logs;
        try (Stream<Path> files = Files.walk(root)) {
            logs = files.filter(p -> p.getFileName().toString().endsWith(".log") && Files.isRegularFile(p))
                .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path log : logs) {
            try (Stream<String> content = Files.lines(log, StandardCharsets.UTF_8)) {
                content.filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                    .forEach(l -> lines.add(root.relativize(log) + ": " + l));
            } catch (IOException | UncheckedIOException e) {
                lines.add(root.relativize(log) + ": unreadable (" + e + ")");
            }
        }
        int shown = Math.min(max, lines.size());
        return "\n" + String.join("\n", lines.subList(0, shown))
            + (lines.size() > shown ? "\n... " + (lines.size() - shown) + " more" : "");
    }
}
