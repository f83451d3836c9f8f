package org.mercurymq.common.logging;

/**
 * Makes client-supplied text (topic, group, keys, clientId, remark, header values) safe to put in one log line:
 * CR, LF, TAB, the other C0 controls, DEL, the C1 controls (U+0080..U+009F) and the Unicode line and paragraph
 * separators are written as {@code \r}, {@code \n}, {@code \t} or {@code \\uXXXX}, and a backslash as
 * {@code \\}, so a client cannot start a forged log line (docs/broker.md, "Input validation"). Text without such
 * characters is returned as is, without copying. Stateless and thread-safe.
 */
public final class LogEscape {
    private LogEscape() {
    }

    /** {@code value} escaped for a log line; {@code null} stays {@code "null"}, as slf4j would print it. */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String s = value.toString();
        if (s == null) {
            return "null";
        }
        int first = firstUnsafe(s);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        sb.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (isControl(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || isControl(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }
}
