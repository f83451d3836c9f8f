package org.mercurymq.remoting.tls;

import io.netty.handler.ssl.SslContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's TLS decision: its {@link TlsMode} and, unless disabled, the SSL context every TLS connection
 * uses. One instance may serve several ports (the broker's main and VIP ports). Immutable, thread-safe.
 */
public final class ServerTls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    private static final ServerTls PLAINTEXT_ONLY = new ServerTls(TlsMode.DISABLED, null);

    private final TlsMode mode;
    private final SslContext context;

    private ServerTls(TlsMode mode, SslContext context) {
        this.mode = mode;
        this.context = context;
    }

    /** Plaintext only (the remoting server's default when no TLS decision is passed). */
    public static ServerTls disabled() {
        return PLAINTEXT_ONLY;
    }

    /** The mode and context {@code settings} ask for; throws ConfigException on bad files. */
    public static ServerTls from(TlsSettings settings, long nowMillis) {
        TlsMode mode = settings.mode();
        if (mode == TlsMode.DISABLED) {
            LOG.info("TLS server: mode=disabled (plaintext only)");
            return PLAINTEXT_ONLY;
        }
        SslContext ctx = TlsContexts.server(settings, nowMillis);
        LOG.info("TLS server: {}{}", settings.describe(true),
            settings.testMode() ? " -- TEST MODE: self-signed certificate, insecure (docs/security.md)" : "");
        return new ServerTls(mode, ctx);
    }

    public TlsMode mode() {
        return mode;
    }

    /** The context for TLS connections; null when disabled. */
    public SslContext context() {
        return context;
    }
}
