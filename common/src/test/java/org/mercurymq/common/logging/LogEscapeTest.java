package org.mercurymq.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LogEscapeTest {
    @Test
    void plainTextIsReturnedUnchanged() {
        String topic = "TopicTest-1%RETRY%G_x.y";
        assertSame(topic, LogEscape.of(topic));
        assertEquals("null", LogEscape.of(null));
    }

    @Test
    void lineBreaksAndControlsCannotStartALine() {
        assertEquals("T\\n12:00:00.000 ERROR forged", LogEscape.of("T\n12:00:00.000 ERROR forged"));
        assertEquals("a\\r\\tb", LogEscape.of("a\r\tb"));
        assertEquals("a\\u0000\\u001B[31m\\u007F\\u0085\\u2028", LogEscape.of("a\u0000\u001B[31m\u007F\u0085\u2028"));
        assertEquals("back\\\\n", LogEscape.of("back\\n"), "a literal backslash-n stays distinguishable");
        assertEquals("中文-ü", LogEscape.of("中文-ü"));
    }
}
