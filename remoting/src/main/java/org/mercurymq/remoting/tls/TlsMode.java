package org.mercurymq.remoting.tls;

import java.util.Locale;
import org.mercurymq.common.config.ConfigException;

/** The server's {@code tls.server.mode}: which connections a remoting port accepts (docs/security.md). */
public enum TlsMode {
    /** Plaintext only; a TLS handshake is closed. */
    DISABLED,
    /** TLS and plaintext on the same port, told apart by the first byte (RocketMQ's default). */
    PERMISSIVE,
    /** TLS only; a plaintext connection is closed. */
    ENFORCING;

    /** The mode named {@code text} (case-insensitive); anything else is refused with the valid names. */
    public static TlsMode parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (TlsMode m : values()) {
            if (m.name().equals(t)) {
                return m;
            }
        }
        throw new ConfigException(TlsSettings.SERVER_MODE + "=" + text + " is invalid: use disabled, permissive or enforcing");
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
