package org.mercurymq.common.config;

import java.util.Objects;

/**
 * One configuration key: its RocketMQ name, type, default, unit, validation and a one-line doc.
 * Immutable and thread-safe. Keys are declared as constants and grouped into a {@link ConfigTable}.
 */
public final class ConfigKey<T> {
    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String unit;
    private final String doc;
    private final T min;
    private final T max;
    private final boolean runtime;
    private final String notHonoured;
    private final String defaultDoc;

    private ConfigKey(String name, Class<T> type, T defaultValue, String unit, String doc, T min, T max) {
        this(name, type, defaultValue, unit, doc, min, max, false, null, null);
    }

    private ConfigKey(String name, Class<T> type, T defaultValue, String unit, String doc, T min, T max,
                      boolean runtime, String notHonoured, String defaultDoc) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.doc = doc == null ? "" : doc;
        this.min = min;
        this.max = max;
        this.runtime = runtime;
        this.notHonoured = notHonoured;
        this.defaultDoc = defaultDoc;
    }

    public static ConfigKey<Integer> ofInt(String name, int defaultValue, String doc) {
        return new ConfigKey<>(name, Integer.class, defaultValue, null, doc, null, null);
    }

    public static ConfigKey<Long> ofLong(String name, long defaultValue, String doc) {
        return new ConfigKey<>(name, Long.class, defaultValue, null, doc, null, null);
    }

    public static ConfigKey<Boolean> ofBool(String name, boolean defaultValue, String doc) {
        return new ConfigKey<>(name, Boolean.class, defaultValue, null, doc, null, null);
    }

    public static ConfigKey<Double> ofDouble(String name, double defaultValue, String doc) {
        return new ConfigKey<>(name, Double.class, defaultValue, null, doc, null, null);
    }

    /** A string key; a null default means "unset" (the owner derives a value, e.g. from another key). */
    public static ConfigKey<String> ofString(String name, String defaultValue, String doc) {
        return new ConfigKey<>(name, String.class, defaultValue, null, doc, null, null);
    }

    public static <E extends Enum<E>> ConfigKey<E> ofEnum(String name, Class<E> type, E defaultValue, String doc) {
        return new ConfigKey<>(name, type, defaultValue, null, doc, null, null);
    }

    /** Returns a copy that documents the unit (ms, bytes, %, ...). */
    public ConfigKey<T> unit(String unit) {
        return new ConfigKey<>(name, type, defaultValue, unit, doc, min, max, runtime, notHonoured, defaultDoc);
    }

    /**
     * Returns a copy marked "applies at run time": a running daemon honours a new value of this key at once
     * (its readers look the value up per use, or a listener re-applies it). Unmarked keys take effect at
     * the next start only. The mark is what UPDATE_BROKER_CONFIG / UPDATE_NAMESRV_CONFIG and
     * docs/configuration.md report.
     */
    public ConfigKey<T> runtime() {
        return new ConfigKey<>(name, type, defaultValue, unit, doc, min, max, true, notHonoured, defaultDoc);
    }

    /**
     * Returns a copy marked "accepted for compatibility but not honoured": Mercury behaves as with the default
     * whatever the value, for the reason given. A daemon logs one WARN at start for each such key set to a
     * value other than its default ({@link ConfigTable#notHonouredSettings}).
     */
    public ConfigKey<T> notHonoured(String why) {
        return new ConfigKey<>(name, type, defaultValue, unit, doc, min, max, runtime, why, defaultDoc);
    }

    /** Returns a copy whose default is documented as {@code text} (a default that depends on the machine: cores, home). */
    public ConfigKey<T> defaultDoc(String text) {
        return new ConfigKey<>(name, type, defaultValue, unit, doc, min, max, runtime, notHonoured, text);
    }

    /** How the reference documents the default: {@link #defaultDoc(String)} or the default value. */
    public String defaultText() {
        if (defaultDoc != null) {
            return defaultDoc;
        }
        return defaultValue == null ? "" : String.valueOf(defaultValue);
    }

    /** Why Mercury ignores this key, or null when it honours it. */
    public String notHonouredReason() {
        return notHonoured;
    }

    /** True when a running daemon applies a new value at once (see {@link #runtime()}). */
    public boolean appliesAtRuntime() {
        return runtime;
    }

    /** Returns a copy that rejects values outside [min, max] (numeric keys only). */
    public ConfigKey<T> range(T min, T max) {
        if (!(Number.class.isAssignableFrom(type))) {
            throw new IllegalStateException("range on non-numeric key " + name);
        }
        return new ConfigKey<>(name, type, defaultValue, unit, doc, min, max, runtime, notHonoured, defaultDoc);
    }

    /** The lower bound of {@link #range}, or null. */
    public T min() {
        return min;
    }

    /** The upper bound of {@link #range}, or null. */
    public T max() {
        return max;
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String unit() {
        return unit;
    }

    public String doc() {
        return doc;
    }

    /** Parses and validates a raw text value; throws {@link ConfigException} naming the key on failure. */
    public T parse(String raw) {
        String text = raw == null ? "" : raw.trim();
        T value;
        try {
            value = convert(text);
        } catch (RuntimeException e) {
            throw new ConfigException("invalid value '" + raw + "' for " + name + " (expected " + describeType() + ")");
        }
        validate(value);
        return value;
    }

    /** Checks a typed value against this key's range. */
    public void validate(T value) {
        if (value == null || min == null) {
            return;
        }
        double v = ((Number) value).doubleValue();
        if (v < ((Number) min).doubleValue() || v > ((Number) max).doubleValue()) {
            throw new ConfigException("value " + value + " for " + name + " is outside [" + min + ", " + max + "]");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private T convert(String text) {
        if (type == String.class) {
            return (T) text;
        }
        if (type == Integer.class) {
            return (T) Integer.valueOf(text);
        }
        if (type == Long.class) {
            return (T) Long.valueOf(text);
        }
        if (type == Double.class) {
            return (T) Double.valueOf(text);
        }
        if (type == Boolean.class) {
            if ("true".equalsIgnoreCase(text)) {
                return (T) Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(text)) {
                return (T) Boolean.FALSE;
            }
            throw new IllegalArgumentException(text);
        }
        if (type.isEnum()) {
            return (T) Enum.valueOf((Class) type, text);
        }
        throw new IllegalStateException("unsupported config type " + type);
    }

    private String describeType() {
        if (type.isEnum()) {
            StringBuilder sb = new StringBuilder("one of");
            for (Object c : type.getEnumConstants()) {
                sb.append(' ').append(c);
            }
            return sb.toString();
        }
        return type.getSimpleName().toLowerCase();
    }

    @Override
    public String toString() {
        return name;
    }
}
