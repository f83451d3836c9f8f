package org.mercurymq.remoting.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.mercurymq.common.config.ConfigException;

/**
 * Builds the JDK-provider SSL contexts from {@link TlsSettings} with RocketMQ 4.9.x's rules
 * (docs/security.md):
 * <ul>
 * <li>test mode: the server presents a fresh {@link SelfSignedCertificate} and asks for (but does not need)
 *     a client certificate; the client trusts any server;</li>
 * <li>otherwise the server presents {@code certPath} + {@code keyPath} (PEM X.509 chain, PEM PKCS#8 key,
 *     encrypted when {@code keyPassword} is set); a peer is verified only when {@code authClient} /
 *     {@code authServer} is true, against {@code trustCertPath} or else the JDK's default trust store.</li>
 * </ul>
 * No host-name verification, as RocketMQ. Stateless.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** The server context; throws ConfigException naming the key of a missing or unreadable file. */
    public static SslContext server(TlsSettings s, long nowMillis) {
        try {
            if (s.testMode()) {
                SelfSignedCertificate self = SelfSignedCertificate.generate("mercury-test-mode", nowMillis);
                return SslContextBuilder.forServer(self.key(), self.certificate())
                    .sslProvider(SslProvider.JDK)
                    .clientAuth(ClientAuth.OPTIONAL)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .build();
            }
            String cert = required(TlsSettings.SERVER_CERT_PATH, s.serverCertPath());
            String key = required(TlsSettings.SERVER_KEY_PATH, s.serverKeyPath());
            SslContextBuilder b;
            try (InputStream certIn = open(TlsSettings.SERVER_CERT_PATH, cert);
                 InputStream keyIn = open(TlsSettings.SERVER_KEY_PATH, key)) {
                b = SslContextBuilder.forServer(certIn, keyIn, s.serverKeyPassword());
            }
            b.sslProvider(SslProvider.JDK);
            if (!s.serverAuthClient()) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (s.serverTrustCertPath() != null) {
                b.trustManager(readable(TlsSettings.SERVER_TRUST_CERT_PATH, s.serverTrustCertPath()));
            }
            b.clientAuth(ClientAuth.valueOf(s.needClientAuth().name()));
            return b.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot build the server TLS context (" + s.describe(true) + "): " + e.getMessage());
        }
    }

    /** The client context; throws ConfigException naming the key of a missing or unreadable file. */
    public static SslContext client(TlsSettings s) {
        try {
            SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
            if (s.testMode()) {
                return b.trustManager(InsecureTrustManagerFactory.INSTANCE).build();
            }
            if (!s.clientAuthServer()) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (s.clientTrustCertPath() != null) {
                b.trustManager(readable(TlsSettings.CLIENT_TRUST_CERT_PATH, s.clientTrustCertPath()));
            }
            if (s.clientCertPath() != null || s.clientKeyPath() != null) {
                String cert = required(TlsSettings.CLIENT_CERT_PATH, s.clientCertPath());
                String key = required(TlsSettings.CLIENT_KEY_PATH, s.clientKeyPath());
                try (InputStream certIn = open(TlsSettings.CLIENT_CERT_PATH, cert);
                     InputStream keyIn = open(TlsSettings.CLIENT_KEY_PATH, key)) {
                    b.keyManager(certIn, keyIn, s.clientKeyPassword());
                }
            }
            return b.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot build the client TLS context (" + s.describe(false) + "): " + e.getMessage());
        }
    }

    private static String required(String key, String value) {
        if (value == null) {
            throw new ConfigException(key + " is required when " + TlsSettings.TEST_MODE_ENABLE + "=false");
        }
        return value;
    }

    private static File readable(String key, String path) {
        File f = new File(path);
        if (!(f.isFile() && f.canRead())) {
            throw new ConfigException(key + "=" + path + ": no such readable file");
        }
        return f;
    }

    private static InputStream open(String key, String path) throws IOException {
        return new FileInputStream(readable(key, path));
    }
}
