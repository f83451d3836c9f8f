package org.mercurymq.common.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes changed keys into a Java properties file the way an operator would edit it by hand: every
 * comment, blank line, unknown line and the order of keys stay as they are; the line of a changed key is
 * replaced in place (every occurrence, so the last one, which wins when loaded, holds the new value); a key
 * the file does not hold yet is appended at the end. The file is replaced atomically (a temporary file in
 * the same directory, forced, then renamed over it), so a crash leaves the old or the new file, never half
 * of one. Stateless; callers serialize writes to one file.
 */
public final class ConfigFileEditor {
    private ConfigFileEditor() {
    }

    /** Reads {@code file} (absent: empty), applies {@code updates} and replaces the file atomically. */
    public static void update(Path file, Map<String, String> updates) throws IOException {
        String original = Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
        write(file, rewrite(original, updates).getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The text with {@code updates} applied (pure function). The text is handled as ISO-8859-1, the
     * encoding {@code Properties.load(InputStream)} reads, so bytes the editor does not touch survive.
     */
    public static String rewrite(String original, Map<String, String> updates) {
        Map<String, String> pending = new LinkedHashMap<>(updates);
        List<String> physical = splitLines(original);
        StringBuilder out = new StringBuilder(original.length() + 64 * updates.size());
        String newline = original.contains("\r\n") ? "\r\n" : "\n";
        int i = 0;
        while (i < physical.size()) {
            // a logical line: a physical line plus its continuation lines (odd number of trailing backslashes)
            int end = i;
            while (end < physical.size() - 1 && !isCommentOrBlank(physical.get(i)) && continues(physical.get(end))) {
                end++;
            }
            String first = physical.get(i);
            String key = isCommentOrBlank(first) ? null : keyOf(first);
            if (key != null && updates.containsKey(key)) {
                out.append(escapeKey(key)).append('=').append(escapeValue(updates.get(key)));
                pending.remove(key);
                String last = physical.get(end);
                out.append(lineEnding(last, newline));
            } else {
                for (int j = i; j <= end; j++) {
                    out.append(physical.get(j));
                }
            }
            i = end + 1;
        }
        if (!pending.isEmpty()) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && out.charAt(out.length() - 1) != '\r') {
                out.append(newline);
            }
            for (Map.Entry<String, String> e : pending.entrySet()) {
                out.append(escapeKey(e.getKey())).append('=').append(escapeValue(e.getValue())).append(newline);
            }
        }
        return out.toString();
    }

    /** Physical lines including their terminators (the last may have none). */
    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static String lineEnding(String physicalLine, String fallback) {
        if (physicalLine.endsWith("\r\n")) {
            return "\r\n";
        }
        if (physicalLine.endsWith("\n") || physicalLine.endsWith("\r")) {
            return physicalLine.substring(physicalLine.length() - 1);
        }
        return fallback;
    }

    private static String stripEnding(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static boolean isCommentOrBlank(String line) {
        String t = stripEnding(line).trim();
        return t.isEmpty() || t.charAt(0) == '#' || t.charAt(0) == '!';
    }

    private static boolean continues(String line) {
        String t = stripEnding(line);
        int backslashes = 0;
        for (int i = t.length() - 1; i >= 0 && t.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The unescaped key of a key line: up to the first unescaped '=', ':' or whitespace. */
    private static String keyOf(String line) {
        String t = stripEnding(line);
        int i = 0;
        while (i < t.length() && isWhitespace(t.charAt(i))) {
            i++;
        }
        StringBuilder key = new StringBuilder();
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length()) {
                key.append(t.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '=' || c == ':' || isWhitespace(c)) {
                break;
            }
            key.append(c);
            i++;
        }
        return key.toString();
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static String escapeKey(String key) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            if (c == '=' || c == ':' || c == ' ' || c == '#' || c == '!' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Escapes what Properties.load would otherwise read differently: backslashes, line breaks, leading blanks. */
    static String escapeValue(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case ' ':
                    sb.append(sb.length() == 0 ? "\\ " : " ");
                    break;
                default:
                    if (c > 0xff) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
