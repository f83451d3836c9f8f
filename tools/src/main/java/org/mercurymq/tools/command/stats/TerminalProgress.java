package org.mercurymq.tools.command.stats;

import java.io.PrintStream;

/**
 * A one-line progress counter for long commands, drawn on stderr and only when the tool runs on a terminal
 * ({@code System.console() != null}); piped or redirected runs stay quiet so their output can be parsed.
 * Not thread-safe.
 */
final class TerminalProgress {
    private final PrintStream err;
    private final String what;
    private final int total;
    private int lastWidth;

    private TerminalProgress(PrintStream err, String what, int total) {
        this.err = err;
        this.what = what;
        this.total = total;
    }

    /** Progress on stderr when interactive, else a no-op instance. */
    static TerminalProgress start(String what, int total) {
        return new TerminalProgress(System.console() != null ? System.err : null, what, total);
    }

    void step(int done) {
        if (err == null) {
            return;
        }
        String line = String.format("\r%s %d/%d", what, done, total);
        lastWidth = line.length();
        err.print(line);
        err.flush();
    }

    /** Clears the line. */
    void done() {
        if (err == null || lastWidth == 0) {
            return;
        }
        err.print("\r" + " ".repeat(lastWidth) + "\r");
        err.flush();
    }
}
