package org.mercurymq.common.config;

import java.util.Map;

/**
 * Refuses RocketMQ's TLS settings ({@code tls.*}) in a daemon's config file or command line: RocketMQ reads
 * them only as {@code -D} system properties or from {@code tls.config.file} and silently ignores them here,
 * so an operator who put them here believes in a TLS set-up that is not in force (docs/security.md).
 * Stateless.
 */
public final class UnsupportedSecurityKeys {
    private static final String TLS_PREFIX = "tls.";

    private UnsupportedSecurityKeys() {
    }

    /** Throws {@link ConfigException} naming the first {@code tls.*} key in {@code config}. */
    public static void check(Map<?, ?> config) {
        for (Object k : config.keySet()) {
            String key = String.valueOf(k).trim();
            if (key.startsWith(TLS_PREFIX)) {
                throw new ConfigException("config key " + key + " is not read from this file (RocketMQ ignores it here):"
                    + " set it as -D" + key + " or in the file named by -Dtls.config.file (see docs/security.md)");
            }
        }
    }
}
