package org.mercurymq.test.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mercurymq.test.harness.JvmProcess;

/**
 * Runs one bin/ script with {@code sh} the way an operator does, with the test JVM's classpath as
 * {@code MERCURY_CLASSPATH} (so no distribution build is needed), logs and pid files in the given directory, and
 * waits for it. Captures exit code, stdout and stderr. Not thread-safe.
 */
final class Script {
    private final Path workDir;
    private final Map<String, String> env = new LinkedHashMap<>();

    Script(Path workDir) {
        this.workDir = workDir;
        env.put("MERCURY_CLASSPATH", System.getProperty("java.class.path"));
        env.put("MERCURY_LOG_DIR", workDir.resolve("logs").toString());
        env.put("MERCURY_PID_DIR", workDir.resolve("run").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // small heaps: these JVMs start and stop at once, several may run at the same time
        env.put("JAVA_OPT", "-Xms64m -Xmx256m -XX:TieredStopAtLevel=1");
        env.put("NAMESRV_ADDR", "");
    }

    Script env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path pidDir() {
        return workDir.resolve("run");
    }

    Result run(long timeoutSeconds, String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("sh");
        cmd.add(JvmProcess.repoRoot().resolve("bin").resolve(script).toString());
        cmd.addAll(Arrays.asList(args));
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, script + "-", ".out");
        Path err = Files.createTempFile(workDir, script + "-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("sh bin/" + script + " " + String.join(" ", args) + " still running after "
                    + timeoutSeconds + " s; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A script's outcome. */
    static final class Result {
        final int exit;
        final String out;
        final String err;

        Result(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        /** stderr without the JVM's own warnings (e.g. about CDS or vector modules), one entry per line. */
        List<String> errLines() {
            List<String> lines = new ArrayList<>();
            for (String l : err.split("\n")) {
                if (!l.isBlank() && !l.startsWith("OpenJDK") && !l.startsWith("WARNING")) {
                    lines.add(l);
                }
            }
            return lines;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Path repoRoot() {
        return Paths.get(JvmProcess.repoRoot().toString());
    }
}
