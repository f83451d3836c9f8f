package org.mercurymq.test.harness;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started from one of Mercury's (or Apache's) main classes with the test JVM's own
 * classpath, its stdout and stderr going to {@code <dir>/<name>.out}. Tests kill it by PID.
 * Not thread-safe; one test owns it.
 */
public final class JvmProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path outputFile;

    private JvmProcess(String name, Process process, Path outputFile) {
        this.name = name;
        this.process = process;
        this.outputFile = outputFile;
    }

    /** The Mercury source tree root (the parent of the test module). */
    public static Path repoRoot() {
        String basedir = System.getProperty("basedir");
        Path testModule = basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
        return testModule.toAbsolutePath().getParent();
    }

    public static Builder builder(String name, String mainClass) {
        return new Builder(name, mainClass);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path outputFile() {
        return outputFile;
    }

    public String output() {
        try {
            return Files.exists(outputFile) ? new String(Files.readAllBytes(outputFile), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output contains {@code needle}; fails early if the process died. */
    public void awaitOutput(String needle, Duration timeout) {
        try {
            awaitOutputOrTimeout(needle, timeout);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String out = output();
            throw new IllegalStateException(name + " (pid " + pid() + ", alive=" + isAlive() + ") did not print '"
                + needle + "' within " + timeout + "; output " + outputFile + " ends with:\n"
                + out.substring(Math.max(0, out.length() - 3000)), e);
        }
    }

    private void awaitOutputOrTimeout(String needle, Duration timeout) {
        await(name + " prints '" + needle + "'").atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            String out = output();
            if (out.contains(needle)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before printing '"
                    + needle + "':\n" + out);
            }
            return false;
        });
    }

    /** SIGSTOP: the JVM freezes with its sockets open (a GC pause, a stalled VM, a hung disk). */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed for " + this.name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL, as in a crash. */
    public void kill9() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for a graceful exit; returns the exit code. */
    public int terminate(Duration timeout) {
        process.destroy();
        return waitForExit(timeout);
    }

    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not exit within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Collects the JVM options, program arguments and working directory of a child JVM. */
    public static final class Builder {
        private final String name;
        private final String mainClass;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private String heap = "-Xmx256m";
        private Path dir;
        private LaunchOptions launch = LaunchOptions.local();

        private Builder(String name, String mainClass) {
            this.name = name;
            this.mainClass = mainClass;
            // Fast start-up and a small footprint: tests run several JVMs on a 2-core machine.
            jvmArgs.add("-XX:+UseSerialGC");
            jvmArgs.add("-XX:TieredStopAtLevel=1");
            jvmArgs.add("-Xshare:auto");
        }

        public Builder dir(Path dir) {
            this.dir = dir;
            return this;
        }

        /** Command prefix and limits of the launch (network namespace, open-file limit). */
        public Builder launch(LaunchOptions options) {
            this.launch = options;
            options.sysProps().forEach(this::sysProp);
            return this;
        }

        public Builder heap(String heapOption) {
            this.heap = heapOption;
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        public Builder sysProp(String key, String value) {
            jvmArgs.add("-D" + key + "=" + value);
            return this;
        }

        /** Logs of a Mercury role go to the process directory with the shipped logback config. */
        public Builder mercuryLogging(String role) {
            sysProp("logback.configurationFile", repoRoot().resolve("conf").resolve("logback_" + role + ".xml").toString());
            return this;
        }

        public Builder args(String... more) {
            for (String a : more) {
                args.add(a);
            }
            return this;
        }

        public JvmProcess start() {
            if (dir == null) {
                throw new IllegalStateException("dir is required");
            }
            try {
                Files.createDirectories(dir);
                List<String> cmd = new ArrayList<>(launch.launcherWords());
                cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
                cmd.add(heap);
                // like bin/runserver.sh: a daemon that ran out of memory exits instead of hanging half-dead
                cmd.add("-XX:+ExitOnOutOfMemoryError");
                cmd.addAll(jvmArgs);
                cmd.add("-Dmercury.log.dir=" + dir.resolve("logs"));
                cmd.add("-Duser.home=" + dir.resolve("home"));
                cmd.add("-cp");
                cmd.add(System.getProperty("java.class.path"));
                cmd.add(mainClass);
                cmd.addAll(args);
                Path out = dir.resolve(name + ".out");
                Process p = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
                return new JvmProcess(name, p, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + name, e);
            }
        }
    }
}
