package org.mercurymq.test.chaos;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gates between faults on progress rather than on time: each broker group acknowledged n more sends. */
public final class Progress {
    private Progress() {
    }

    /**
     * Prints a progress line and appends it, time-stamped, to {@code target/chaos-progress.txt}: surefire
     * keeps a test's stdout until the test ends, and a long run should be watchable while it runs.
     */
    public static void note(String runName, String text) {
        String line = java.time.Instant.now() + " " + runName + ": " + text;
        System.out.println(line);
        try {
            java.nio.file.Files.write(ChaosReport.targetDir().resolve("chaos-progress.txt"),
                (line + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            System.out.println("cannot append to chaos-progress.txt: " + e.getMessage());
        }
    }

    public static void awaitAcks(History history, List<String> brokerNames, int n, Duration timeout) {
        Map<String, Long> base = new HashMap<>();
        brokerNames.forEach(b -> base.put(b, history.okCount(b)));
        await(brokerNames + " ack " + n + " more sends").atMost(timeout).pollInterval(Duration.ofMillis(50))
            .until(() -> brokerNames.stream().allMatch(b -> history.okCount(b) >= base.get(b) + n));
    }
}
