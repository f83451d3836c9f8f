package org.mercurymq.common.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Immutable parsed configuration: the values set explicitly plus the table's defaults.
 * Thread-safe. Updates (e.g. UPDATE_BROKER_CONFIG) produce a new instance.
 */
public final class Config {
    private final ConfigTable table;
    private final Map<String, Object> values;

    Config(ConfigTable table, Map<String, Object> values) {
        this.table = table;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public ConfigTable table() {
        return table;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        requireKnown(key);
        Object v = values.get(key.name());
        return v != null ? (T) v : key.defaultValue();
    }

    /** True when the key was given explicitly rather than taken from its default. */
    public boolean isSet(ConfigKey<?> key) {
        return values.containsKey(key.name());
    }

    public <T> Config with(ConfigKey<T> key, T value) {
        requireKnown(key);
        key.validate(value);
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key.name(), value);
        return new Config(table, copy);
    }

    /** Applies raw text overrides (command line {@code key=value}, UPDATE_BROKER_CONFIG). */
    public Config withRaw(Map<String, String> raw, ConfigTable.WarningSink warnings) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(table.parse(raw, warnings).values);
        return new Config(table, copy);
    }

    /** Every key with its effective value as text, in key order of the table. */
    public Map<String, String> toMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigKey<?> k : table.keys()) {
            Object v = get(k);
            out.put(k.name(), v == null ? "" : String.valueOf(v));
        }
        return out;
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.putAll(toMap());
        return p;
    }

    /** {@code key=value} lines sorted by key, as RocketMQ's GET_BROKER_CONFIG body and {@code -p} print them. */
    public String toPropertiesText() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(toMap()).entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString();
    }

    private void requireKnown(ConfigKey<?> key) {
        if (table.key(key.name()) != key) {
            throw new IllegalArgumentException("config key " + key.name() + " is not in this table");
        }
    }
}
