package org.mercurymq.tools.admin;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The config bodies of codes 25/26/318/319: Java properties text, one {@code key=value} per line, UTF-8.
 * Stateless and thread-safe.
 */
public final class PropertiesText {
    private PropertiesText() {
    }

    public static byte[] format(Properties properties) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : sorted(properties).entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Properties parse(byte[] body) {
        Properties p = new Properties();
        if (body == null) {
            return p;
        }
        try {
            p.load(new StringReader(new String(body, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read properties text", e);
        }
        return p;
    }

    /** Keys sorted, for stable printing. */
    public static TreeMap<String, String> sorted(Properties properties) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            out.put(name, properties.getProperty(name));
        }
        return out;
    }
}
