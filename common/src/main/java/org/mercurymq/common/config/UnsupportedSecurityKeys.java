package org.mercurymq.common.config;

import java.util.Map;
import java.util.Properties;

/**
 * Refuses RocketMQ's TLS settings ({@code tls.*} system properties or config keys): Mercury has no TLS
 * yet, and silently serving plain text to an operator who asked for TLS would be worse than not
 * starting (docs/security.md). Stateless.
 */
public final class UnsupportedSecurityKeys {
    private static final String TLS_PREFIX = "tls.";

    private UnsupportedSecurityKeys() {
    }

    /** Throws {@link ConfigException} naming the first {@code tls.*} key in {@code config} or {@code systemProperties}. */
    public static void check(Map<?, ?> config, Properties systemProperties) {
        for (Object k : config.keySet()) {
            refuseIfTls(String.valueOf(k).trim(), "config key");
        }
        for (String k : systemProperties.stringPropertyNames()) {
            refuseIfTls(k, "system property -D");
        }
    }

    private static void refuseIfTls(String key, String where) {
        if (key.startsWith(TLS_PREFIX)) {
            throw new ConfigException(where + key + " is not supported: Mercury does not implement TLS yet"
                + " (see docs/security.md); remove it");
        }
    }
}
