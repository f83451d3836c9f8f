package org.mercurymq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    @Test
    void redrawsOneLineInPlaceAndClearsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.show("queue 1/2 offset 10");
        p.show("queue 2/2");
        p.done();
        // the shorter second text blanks the rest of the first; done() blanks the line and returns to its start
        assertEquals("\rqueue 1/2 offset 10\rqueue 2/2          \r         \r", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void silentWithoutATerminal() {
        TerminalProgress p = new TerminalProgress(null);
        p.show("anything");
        p.done();
        // under the test runner stdin/stdout are not a console, so the console form is silent too
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            TerminalProgress c = TerminalProgress.forConsole();
            c.show("x");
            c.done();
        } finally {
            System.setErr(old);
        }
        assertEquals(System.console() == null ? "" : "\rx\r \r", bytes.toString(StandardCharsets.UTF_8));
    }
}
