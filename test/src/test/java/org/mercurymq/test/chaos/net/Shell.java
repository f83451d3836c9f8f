package org.mercurymq.test.chaos.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one system command (no shell) and returns its output; thread-safe (no state). */
final class Shell {
    private Shell() {
    }

    /** Runs argv; throws {@link CommandFailedException} on a non-zero exit, with the command's output. */
    static String run(String... argv) {
        Result r = exec(argv);
        if (r.exitCode != 0) {
            throw new CommandFailedException(Arrays.asList(argv), r.exitCode, r.output);
        }
        return r.output;
    }

    /** Runs argv and reports whether it exited 0; for best-effort cleanup and probes. */
    static boolean tryRun(String... argv) {
        return exec(argv).exitCode == 0;
    }

    /** Runs argv and returns its output, or "" when it failed; for listings during cleanup. */
    static String tryRunOutput(String... argv) {
        Result r = exec(argv);
        return r.exitCode == 0 ? r.output : "";
    }

    /** Whether an executable of that name is on PATH (or a standard sbin directory). */
    static boolean onPath(String executable) {
        return exec("sh", "-c", "command -v " + executable).exitCode == 0;
    }

    private static Result exec(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + "\n(timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("error=2")) {
                return new Result(127, argv[0] + ": not found");
            }
            throw new UncheckedIOException("cannot run " + String.join(" ", argv), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", argv), e);
        }
    }

    private record Result(int exitCode, String output) {
    }

    /** A command that exited non-zero. */
    static final class CommandFailedException extends RuntimeException {
        CommandFailedException(List<String> argv, int exitCode, String output) {
            super("'" + String.join(" ", argv) + "' exited " + exitCode + ": " + output.strip());
        }
    }
}
