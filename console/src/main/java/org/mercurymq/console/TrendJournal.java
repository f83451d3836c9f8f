package org.mercurymq.console;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The samples of one {@link TrendBuffer} in a file, one JSON line each ({@code {"t":seconds,"v":{name:value}}}),
 * so that the console's trend lines outlive a restart (docs/console.md, "History"). Appends go straight to the
 * file (a console killed mid-write loses at most its last line, which {@link #replay} skips); once the file holds
 * twice the buffer's capacity it is rewritten with what the buffer holds (temp file, then an atomic rename).
 * A write that fails is one WARN line and the journal stops writing: the console goes on with memory only.
 * Not thread-safe: its buffer's owner guards it.
 */
final class TrendJournal {
    private static final Logger LOG = LoggerFactory.getLogger(TrendJournal.class);
    private static final TrendJournal NONE = new TrendJournal(null);

    /** One sample: its time and the value of each series present. */
    record Sample(long timeSeconds, Map<String, Long> values) {
    }

    private final Path file;
    private BufferedWriter out;
    private long lines;
    private boolean failed;

    private TrendJournal(Path file) {
        this.file = file;
    }

    /** A journal that keeps nothing (history in memory only). */
    static TrendJournal none() {
        return NONE;
    }

    /** The journal in {@code file} (created with its directory on the first sample). */
    static TrendJournal at(Path file) {
        return new TrendJournal(file);
    }

    /**
     * The samples of the file at or after {@code notBeforeSeconds}, oldest first; a line that does not parse (the
     * last one of a console killed mid-write) is skipped and counted in one WARN line.
     */
    List<Sample> replay(long notBeforeSeconds) {
        List<Sample> samples = new ArrayList<>();
        if (file == null || !Files.isRegularFile(file)) {
            return samples;
        }
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("trend history {} unreadable, starting without it: {}", file, e.toString());
            return samples;
        }
        int bad = 0;
        for (String line : text) {
            Sample s = parse(line);
            if (s == null) {
                bad++;
            } else if (s.timeSeconds() >= notBeforeSeconds) {
                samples.add(s);
            }
        }
        lines = text.size();
        if (bad > 0) {
            LOG.warn("trend history {}: skipped {} unreadable line(s) of {}", file, bad, text.size());
        }
        return samples;
    }

    private static Sample parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JSONObject o = JSON.parseObject(line);
            JSONObject v = o.getJSONObject("v");
            if (o.get("t") == null || v == null) {
                return null;
            }
            Map<String, Long> values = new LinkedHashMap<>();
            for (String name : v.keySet()) {
                values.put(name, v.getLong(name));
            }
            return new Sample(o.getLongValue("t"), values);
        } catch (RuntimeException e) {
            // fastjson2 throws more than JSONException on a torn line (an index out of bounds, for one)
            return null;
        }
    }

    /** Appends one sample. */
    void append(long timeSeconds, Map<String, Long> values) {
        if (file == null || failed) {
            return;
        }
        try {
            if (out == null) {
                Files.createDirectories(file.getParent());
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            }
            out.write(line(timeSeconds, values));
            out.flush();
            lines++;
        } catch (IOException e) {
            fail("append to", e);
        }
    }

    /** Lines in the file (those replayed plus those appended since). */
    long lines() {
        return lines;
    }

    /** Replaces the file's content with {@code samples}. */
    void rewrite(List<Sample> samples) {
        if (file == null || failed) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            StringBuilder sb = new StringBuilder();
            for (Sample s : samples) {
                sb.append(line(s.timeSeconds(), s.values()));
            }
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            closeWriter();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lines = samples.size();
        } catch (IOException e) {
            fail("rewrite", e);
        }
    }

    void close() {
        try {
            closeWriter();
        } catch (IOException e) {
            LOG.warn("closing trend history {}: {}", file, e.toString());
        }
    }

    private void closeWriter() throws IOException {
        if (out != null) {
            BufferedWriter w = out;
            out = null;
            w.close();
        }
    }

    private void fail(String what, IOException e) {
        failed = true;
        LOG.warn("cannot {} trend history {}, keeping it in memory only from now on: {}", what, file, e.toString());
        try {
            closeWriter();
        } catch (IOException ignored) {
            // already failing: the first error is the one reported
        }
    }

    private static String line(long timeSeconds, Map<String, Long> values) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("t", timeSeconds);
        o.put("v", values);
        return JSON.toJSONString(o) + "\n";
    }
}
