package org.mercurymq.remoting.tls;

import io.netty.handler.ssl.SslContext;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's TLS decision: its {@link TlsMode} and, unless disabled, the SSL context every TLS connection
 * uses. One instance may serve several ports (the broker's main and VIP ports). Immutable, thread-safe.
 */
public final class ServerTls {
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    private static final ServerTls PLAINTEXT_ONLY = new ServerTls(TlsMode.DISABLED, CompletableFuture.completedFuture(null));

    private final TlsMode mode;
    private final CompletableFuture<SslContext> context;

    private ServerTls(TlsMode mode, CompletableFuture<SslContext> context) {
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
        CompletableFuture<SslContext> ctx;
        if (settings.testMode()) {
            // nothing to check in a self-signed context, and building it (key pair, a password-protected key
            // store, the JSSE classes) took ~0.8 s of the broker's start-up: built beside the start instead,
            // waited for by the first TLS connection only
            ctx = new CompletableFuture<>();
            Thread builder = new Thread(() -> {
                try {
                    ctx.complete(TlsContexts.server(settings, nowMillis));
                } catch (RuntimeException e) {
                    LOG.warn("TLS server: cannot build the test-mode context: {}", e.toString());
                    ctx.completeExceptionally(e);
                }
            }, "TlsTestModeContext");
            builder.setDaemon(true);
            builder.start();
        } else {
            ctx = CompletableFuture.completedFuture(TlsContexts.server(settings, nowMillis));
        }
        LOG.info("TLS server: {}{}", settings.describe(true),
            settings.testMode() ? " -- TEST MODE: self-signed certificate, insecure (docs/security.md)" : "");
        return new ServerTls(mode, ctx);
    }

    public TlsMode mode() {
        return mode;
    }

    /** The context for TLS connections (waiting for a test-mode one still being built); null when disabled. */
    public SslContext context() {
        return context.join();
    }
}
