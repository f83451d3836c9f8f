package org.mercurymq.test.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.mercurymq.remoting.tls.SelfSignedCertificate;

/**
 * A certificate and its unencrypted PKCS#8 key written as PEM files, generated at run time with Mercury's
 * own generator (JDK only, so no BouncyCastle test dependency is needed).
 */
final class PemCertificate {
    final Path cert;
    final Path key;

    private PemCertificate(Path cert, Path key) {
        this.cert = cert;
        this.key = key;
    }

    static PemCertificate write(Path dir, String name) throws IOException {
        SelfSignedCertificate c = SelfSignedCertificate.generate(name, System.currentTimeMillis());
        Files.createDirectories(dir);
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        try {
            Files.write(cert, pem("CERTIFICATE", c.certificate().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
        Files.write(key, pem("PRIVATE KEY", c.key().getEncoded()));
        return new PemCertificate(cert, key);
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
