package org.mercurymq.test.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The WARN and ERROR lines of every daemon log under a test directory, for the failure message of a chaos
 * run (CI shows the message, not the files). Stateless.
 */
public final class LogExcerpts {
    private LogExcerpts() {
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
