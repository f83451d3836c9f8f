package org.mercurymq.tools.command;

import java.io.PrintStream;

/**
 * A one-line progress note for long commands (printMsg, printMsgByQueue, statsAll), redrawn in place on
 * stderr (carriage return, no newline) and cleared at the end. Only shown on a terminal ({@link #forConsole()}): piped or redirected runs stay quiet
 * so their output remains the command's own. Not thread-safe.
 */
public final class TerminalProgress {
    private final PrintStream err;
    private int lastLength;

    /** {@code err} null means silent. */
    public TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** Shown on stderr when the JVM has a console (interactive run), silent otherwise. */
    public static TerminalProgress forConsole() {
        return new TerminalProgress(System.console() != null ? System.err : null);
    }

    public void show(String text) {
        if (err == null) {
            return;
        }
        StringBuilder line = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < lastLength; i++) {
            line.append(' ');
        }
        lastLength = text.length();
        err.print(line);
        err.flush();
    }

    public void done() {
        if (err == null || lastLength == 0) {
            return;
        }
        show("");
        err.print('\r');
        err.flush();
        lastLength = 0;
    }
}
