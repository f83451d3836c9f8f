package org.mercurymq.tools.command;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;

/** The time texts mqadmin prints and accepts. Stateless and thread-safe (formats are created per call). */
public final class TimeText {
    /** How times are printed, e.g. {@code 2024-05-01 12:00:00,123}. */
    public static final String HUMAN_PATTERN = "yyyy-MM-dd HH:mm:ss,SSS";
    /** How resetOffsetByTime accepts a time, e.g. {@code 2024-05-01#12:00:00:000}. */
    public static final String RESET_PATTERN = "yyyy-MM-dd#HH:mm:ss:SSS";

    private TimeText() {
    }

    public static String human(long millis) {
        return new SimpleDateFormat(HUMAN_PATTERN).format(new Date(millis));
    }

    /** {@code now}, epoch milliseconds, or {@value #RESET_PATTERN} in local time. */
    public static long parseTimestamp(String text, long nowMillis) throws SubCommandException {
        String t = text.trim();
        if ("now".equalsIgnoreCase(t)) {
            return nowMillis;
        }
        // a negative number is taken as RocketMQ takes it: -1 asks the broker for each queue's max offset
        if (t.matches("-?\\d+")) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw new SubCommandException("timestamp '" + t + "' is too large");
            }
        }
        SimpleDateFormat f = new SimpleDateFormat(RESET_PATTERN);
        f.setLenient(false);
        try {
            return f.parse(t).getTime();
        } catch (ParseException e) {
            throw new SubCommandException("timestamp '" + t + "' is not 'now', epoch milliseconds or " + RESET_PATTERN);
        }
    }
}
