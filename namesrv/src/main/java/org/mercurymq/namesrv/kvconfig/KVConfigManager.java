package org.mercurymq.namesrv.kvconfig;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.namesrv.AtomicFileWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Namespace → key → value configuration, persisted as {@code {"configTable":{"<ns>":{"<key>":"<value>"}}}}
 * (docs/protocol/store-format.md §8) by atomic replace after every change and loaded at start.
 * Thread-safe: readers see an immutable snapshot; writers are serialized and publish only after the file
 * was written, so a failed write leaves memory and disk unchanged.
 */
public final class KVConfigManager {
    private static final Logger LOG = LoggerFactory.getLogger(KVConfigManager.class);

    private final Path file;
    private volatile Map<String, Map<String, String>> table = Map.of();

    public KVConfigManager(Path file) {
        this.file = file;
    }

    /** Loads the file; a missing file means an empty table, an unreadable one is an error naming the file. */
    public synchronized void load() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            LOG.info("kv config {} does not exist yet, starting empty", file);
            return;
        }
        Map<String, Map<String, String>> loaded = new HashMap<>();
        try {
            JSONObject root = text.isBlank() ? new JSONObject() : JSON.parseObject(text);
            JSONObject configTable = root.getJSONObject("configTable");
            if (configTable != null) {
                for (String namespace : configTable.keySet()) {
                    Map<String, String> kv = new HashMap<>();
                    JSONObject entries = configTable.getJSONObject(namespace);
                    for (String key : entries.keySet()) {
                        kv.put(key, entries.getString(key));
                    }
                    loaded.put(namespace, Map.copyOf(kv));
                }
            }
        } catch (JSONException | ClassCastException e) {
            throw new IOException("kv config file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        table = Map.copyOf(loaded);
        LOG.info("kv config loaded from {}: {} namespaces", file, loaded.size());
    }

    /** Adds or replaces a value and persists; throws UncheckedIOException (state unchanged) if writing fails. */
    public synchronized void putKVConfig(String namespace, String key, String value) {
        Map<String, Map<String, String>> next = new HashMap<>(table);
        Map<String, String> kv = new HashMap<>(next.getOrDefault(namespace, Map.of()));
        String old = kv.put(key, value);
        next.put(namespace, Map.copyOf(kv));
        publish(next);
        LOG.info("kv config {} {}: {}={} (was {})", old == null ? "put" : "updated", LogEscape.of(namespace),
            LogEscape.of(key), LogEscape.of(value), LogEscape.of(old));
    }

    /** Removes a value if present and persists. */
    public synchronized void deleteKVConfig(String namespace, String key) {
        Map<String, String> kv = table.get(namespace);
        if (kv == null || !kv.containsKey(key)) {
            return;
        }
        Map<String, Map<String, String>> next = new HashMap<>(table);
        Map<String, String> rest = new HashMap<>(kv);
        String old = rest.remove(key);
        if (rest.isEmpty()) {
            next.remove(namespace);
        } else {
            next.put(namespace, Map.copyOf(rest));
        }
        publish(next);
        LOG.info("kv config deleted {}: {} (was {})", LogEscape.of(namespace), LogEscape.of(key), LogEscape.of(old));
    }

    public String getKVConfig(String namespace, String key) {
        Map<String, String> kv = table.get(namespace);
        return kv == null ? null : kv.get(key);
    }

    /** The namespace's entries (unmodifiable), or null if the namespace does not exist. */
    public Map<String, String> getKVListByNamespace(String namespace) {
        return table.get(namespace);
    }

    private void publish(Map<String, Map<String, String>> next) {
        Map<String, Object> root = Collections.singletonMap("configTable", new TreeMap<>(next));
        byte[] json = JSON.toJSONString(root, JSONWriter.Feature.MapSortField).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFileWriter.write(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist kv config to " + file + ": " + e.getMessage(), e);
        }
        table = Map.copyOf(next);
    }
}
