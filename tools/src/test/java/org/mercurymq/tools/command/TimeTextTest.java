package org.mercurymq.tools.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.SimpleDateFormat;
import org.junit.jupiter.api.Test;

class TimeTextTest {
    @Test
    void acceptsNowMillisAndTheResetPattern() throws Exception {
        assertEquals(42L, TimeText.parseTimestamp("now", 42L));
        assertEquals(1700000000123L, TimeText.parseTimestamp("1700000000123", 42L));
        long expected = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS").parse("2024-05-01 12:34:56.789").getTime();
        assertEquals(expected, TimeText.parseTimestamp("2024-05-01#12:34:56:789", 0));
    }

    @Test
    void takesNegativeNumbersAsRocketMqDoes() throws Exception {
        // -1 asks the broker for each queue's max offset
        assertEquals(-1L, TimeText.parseTimestamp("-1", 0));
    }

    @Test
    void rejectsOtherTexts() {
        assertThrows(SubCommandException.class, () -> TimeText.parseTimestamp("2024-05-01", 0));
        assertThrows(SubCommandException.class, () -> TimeText.parseTimestamp("2024-13-01#00:00:00:000", 0));
        assertThrows(SubCommandException.class, () -> TimeText.parseTimestamp("99999999999999999999", 0));
    }

    @Test
    void printsTimesWithMillis() throws Exception {
        long t = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS").parse("2024-05-01 01:02:03.004").getTime();
        assertEquals("2024-05-01 01:02:03,004", TimeText.human(t));
    }
}
