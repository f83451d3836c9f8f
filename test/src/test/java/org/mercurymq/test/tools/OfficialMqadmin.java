package org.mercurymq.test.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mercurymq.test.harness.JvmProcess;

/**
 * Runs the official RocketMQ 4.9.7 mqadmin ({@code org.apache.rocketmq.tools.command.MQAdminStartup}, test
 * scope) in one child JVM for a whole list of commands and returns what each printed, for tests that compare
 * Mercury's mqadmin with it line by line. {@code -n <namesrv>} is added to every command. The tools' home
 * directory gets an empty logback config (the official tool refuses to run without one) and, when given,
 * a {@code tools.yml} with ACL credentials.
 *
 * <p>Commands that never return ({@code startMonitoring}, {@code clusterRT -i}) do not belong in a batch:
 * start them with {@link JvmProcess} directly.
 */
public final class OfficialMqadmin {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Path dir;
    private final String namesrv;
    private final Path home;

    /**
     * @param dir a directory of the test's own (temp) tree
     * @param namesrv the name server address added as {@code -n}
     * @param toolsYml content of {@code conf/tools.yml} (ACL credentials) or null
     */
    public OfficialMqadmin(Path dir, String namesrv, String toolsYml) {
        this.dir = dir;
        this.namesrv = namesrv;
        this.home = dir.resolve("official-mqadmin-home");
        try {
            Files.createDirectories(home.resolve("conf"));
            Files.write(home.resolve("conf/logback_tools.xml"), "<configuration/>\n".getBytes(StandardCharsets.UTF_8));
            if (toolsYml != null) {
                Files.write(home.resolve("conf/tools.yml"), toolsYml.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one command; returns its output (stdout and stderr). */
    public String run(String... command) {
        return runAll(java.util.Collections.singletonList(command)).get(0);
    }

    /** Runs the commands in order in one JVM; returns one output per command. */
    public List<String> runAll(List<String[]> commands) {
        int batch = SEQ.incrementAndGet();
        Path work = dir.resolve("official-mqadmin-" + batch);
        try {
            Files.createDirectories(work);
            List<String> lines = new ArrayList<>();
            for (String[] c : commands) {
                List<String> words = new ArrayList<>(Arrays.asList(c));
                words.add("-n");
                words.add(namesrv);
                lines.add(String.join("\t", words));
            }
            Path script = work.resolve("commands.tsv");
            Files.write(script, lines, StandardCharsets.UTF_8);
            try (JvmProcess p = JvmProcess.builder("official-mqadmin-" + batch, OfficialMqadminBatch.class.getName())
                .dir(work)
                .sysProp("rocketmq.home.dir", home.toString())
                .sysProp("rocketmq.client.logUseSlf4j", "true")
                .args(script.toString(), work.toString())
                .start()) {
                p.waitForExit(Duration.ofSeconds(60L + 30L * commands.size()));
                List<String> outputs = new ArrayList<>();
                for (int i = 0; i < commands.size(); i++) {
                    if (!Files.exists(work.resolve("done-" + i))) {
                        throw new IllegalStateException("official mqadmin did not finish '" + lines.get(i) + "'; JVM output:\n"
                            + p.output());
                    }
                    outputs.add(new String(Files.readAllBytes(work.resolve("out-" + i + ".txt")), StandardCharsets.UTF_8));
                }
                return outputs;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shorthand for a list of commands. */
    public static List<String[]> commands(String[]... commands) {
        return Arrays.asList(commands);
    }
}
