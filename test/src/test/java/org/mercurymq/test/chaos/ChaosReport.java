package org.mercurymq.test.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run: what was sent and how it ended, what the checkers found, how long the clients
 * could not send and how long they took after a node came back. {@link #line()} prints it as one line;
 * {@link #appendMarkdownRow(Path)} adds a row to a Markdown table (target/chaos-results.md by default).
 * Immutable.
 */
public final class ChaosReport {
    private static final String HEADER = "| date (UTC) | run | config | cycles | sent | acked | failed | unknown | lost "
        + "| duplicated | order violations | unavailability max / mean ms | recovery max / mean ms | extra | s |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";

    public final String run;
    public final String config;
    public final int cycles;
    public final long sent;
    public final long acked;
    public final long failed;
    public final long unknown;
    public final LostChecker.Result lost;
    public final DuplicateChecker.Result duplicated;
    public final Map<String, OrderChecker.Result> order;
    public final Windows unavailability;
    public final Windows recovery;
    public final Map<String, String> extra;
    public final long durationSeconds;
    public final Instant date;

    private ChaosReport(Builder b, History h) {
        this.run = b.run;
        this.config = b.config;
        this.cycles = b.cycles;
        List<SendRecord> sends = h.sends();
        this.sent = sends.size();
        this.acked = sends.stream().filter(s -> s.outcome == SendOutcome.OK).count();
        this.failed = sends.stream().filter(s -> s.outcome == SendOutcome.FAILED).count();
        this.unknown = sends.stream().filter(s -> s.outcome == SendOutcome.UNKNOWN).count();
        this.lost = LostChecker.check(h, b.groups);
        this.duplicated = DuplicateChecker.check(h, b.groups);
        Map<String, OrderChecker.Result> o = new LinkedHashMap<>();
        for (String g : b.orderlyGroups) {
            o.put(g, OrderChecker.check(h, g));
        }
        this.order = o;
        this.unavailability = UnavailabilityChecker.check(h, b.faultKind);
        this.recovery = RecoveryChecker.check(h, b.faultKind);
        this.extra = new LinkedHashMap<>(b.extra);
        this.durationSeconds = b.durationSeconds;
        this.date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Starts a report of {@code run} over the given consumer groups; add the orderly ones with
     * {@link Builder#orderly}.
     */
    public static Builder builder(String run, String config, List<String> consumerGroups) {
        return new Builder(run, config, consumerGroups);
    }

    public long orderViolations() {
        return order.values().stream().mapToLong(r -> r.violations.size()).sum();
    }

    /** One line with every figure. */
    public String line() {
        return "chaos " + run + " [" + config + "] cycles=" + cycles + " sent=" + sent + " acked=" + acked
            + " failed=" + failed + " unknown=" + unknown + " " + lost + " " + duplicated
            + " orderViolations=" + orderViolations() + " unavailability=" + unavailability + " recovery=" + recovery
            + (extra.isEmpty() ? "" : " " + extra) + " duration=" + durationSeconds + "s";
    }

    /** Appends one row (and the header, for a new file). */
    public void appendMarkdownRow(Path file) {
        StringBuilder extras = new StringBuilder();
        extra.forEach((k, v) -> extras.append(extras.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        String row = "| " + date + " | " + run + " | " + config + " | " + cycles + " | " + sent + " | " + acked + " | "
            + failed + " | " + unknown + " | " + lost.lost() + " | " + duplicated.duplicates + " | " + orderViolations()
            + " | " + unavailability.max() + " / " + unavailability.mean() + " | " + recovery.max() + " / "
            + recovery.mean() + " | " + extras + " | " + durationSeconds + " |\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            synchronized (ChaosReport.class) {
                if (!Files.exists(file)) {
                    Files.write(file, ("# Chaos results\n\n" + HEADER).getBytes(StandardCharsets.UTF_8));
                }
                Files.write(file, row.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <test module>/target/chaos-results.md}. */
    public static Path resultsFile() {
        return targetDir().resolve("chaos-results.md");
    }

    /** The test module's target directory (Maven sets basedir for surefire). */
    public static Path targetDir() {
        String basedir = System.getProperty("basedir");
        return (basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath()).resolve("target");
    }

    /** Prints the line, appends the row to {@link #resultsFile()}, and returns this report. */
    public ChaosReport publish() {
        System.out.println(line());
        appendMarkdownRow(resultsFile());
        return this;
    }

    /** Run name, config, groups, fault kind, cycles and measurements the checkers cannot derive. */
    public static final class Builder {
        private final String run;
        private final String config;
        private final List<String> groups;
        private final List<String> orderlyGroups = new ArrayList<>();
        private final Map<String, String> extra = new LinkedHashMap<>();
        private String faultKind;
        private int cycles;
        private long durationSeconds;

        private Builder(String run, String config, List<String> groups) {
            this.run = run;
            this.config = config;
            this.groups = new ArrayList<>(groups);
        }

        public Builder orderly(String group) {
            orderlyGroups.add(group);
            return this;
        }

        /** Fault kind the unavailability and recovery windows are measured for (null: all). */
        public Builder faultKind(String kind) {
            this.faultKind = kind;
            return this;
        }

        public Builder cycles(int n) {
            this.cycles = n;
            return this;
        }

        public Builder durationSeconds(long seconds) {
            this.durationSeconds = seconds;
            return this;
        }

        /** A further figure for the line and the table's "extra" column (RSS, fds, loss bound...). */
        public Builder extra(String name, Object value) {
            extra.put(name, String.valueOf(value));
            return this;
        }

        public ChaosReport build(History history) {
            return new ChaosReport(this, history);
        }
    }
}
