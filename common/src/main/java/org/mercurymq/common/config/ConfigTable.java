package org.mercurymq.common.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The typed table of every key a component accepts. Parsing raw properties yields an immutable
 * {@link Config}; unknown keys produce a warning naming the nearest known key (so a typo such as
 * {@code brokerIp1} is reported, not silently ignored), invalid values throw {@link ConfigException}.
 * Immutable and thread-safe.
 */
public final class ConfigTable {
    private final Map<String, ConfigKey<?>> keys;

    private ConfigTable(Map<String, ConfigKey<?>> keys) {
        this.keys = Collections.unmodifiableMap(keys);
    }

    public static ConfigTable of(ConfigKey<?>... keys) {
        Map<String, ConfigKey<?>> map = new LinkedHashMap<>();
        for (ConfigKey<?> k : keys) {
            if (map.put(k.name(), k) != null) {
                throw new IllegalArgumentException("duplicate config key " + k.name());
            }
        }
        return new ConfigTable(map);
    }

    /** A table holding this table's keys followed by the other's (a broker = broker + store + netty keys). */
    public ConfigTable merge(ConfigTable other) {
        Map<String, ConfigKey<?>> map = new LinkedHashMap<>(keys);
        for (ConfigKey<?> k : other.keys.values()) {
            if (map.put(k.name(), k) != null) {
                throw new IllegalArgumentException("duplicate config key " + k.name());
            }
        }
        return new ConfigTable(map);
    }

    public List<ConfigKey<?>> keys() {
        return new ArrayList<>(keys.values());
    }

    public ConfigKey<?> key(String name) {
        return keys.get(name);
    }

    public boolean contains(String name) {
        return keys.containsKey(name);
    }

    /** All defaults, nothing set explicitly. */
    public Config defaults() {
        return new Config(this, Collections.<String, Object>emptyMap());
    }

    public Config parse(Properties props, WarningSink warnings) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String name : props.stringPropertyNames()) {
            raw.put(name, props.getProperty(name));
        }
        return parse(raw, warnings);
    }

    /**
     * Parses raw text values. Unknown keys are reported to {@code warnings} and skipped; the first
     * invalid value throws.
     */
    public Config parse(Map<String, String> raw, WarningSink warnings) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            ConfigKey<?> key = keys.get(e.getKey());
            if (key == null) {
                String near = nearest(e.getKey());
                warnings.warn("unknown config key '" + e.getKey() + "' ignored"
                    + (near == null ? "" : ", did you mean '" + near + "'?"));
                continue;
            }
            values.put(key.name(), key.parse(e.getValue()));
        }
        return new Config(this, values);
    }

    /**
     * One line per key of this table that Mercury does not honour and that {@code config} sets to a value other
     * than the default: {@code key=value is not honoured: reason}.
     */
    public List<String> notHonouredSettings(Config config) {
        List<String> out = new ArrayList<>();
        for (ConfigKey<?> k : keys.values()) {
            if (k.notHonouredReason() != null && config.isSet(k)) {
                Object v = config.get(k);
                if (v != null && !v.equals(k.defaultValue())) {
                    out.add(k.name() + "=" + v + " is not honoured by Mercury: " + k.notHonouredReason());
                }
            }
        }
        return out;
    }

    /** The known key closest to {@code name} by edit distance (case-insensitive), or null if none is close. */
    public String nearest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase();
        for (String candidate : keys.keySet()) {
            int d = editDistance(lower, candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Receives one readable line per ignored key. */
    public interface WarningSink {
        void warn(String message);
    }
}
