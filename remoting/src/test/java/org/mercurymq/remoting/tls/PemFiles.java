package org.mercurymq.remoting.tls;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Writes a freshly generated certificate and its PKCS#8 key (optionally password-encrypted) as PEM files. */
final class PemFiles {
    final Path cert;
    final Path key;

    private PemFiles(Path cert, Path key) {
        this.cert = cert;
        this.key = key;
    }

    static PemFiles write(Path dir, String name, String password) throws Exception {
        SelfSignedCertificate c = SelfSignedCertificate.generate(name, System.currentTimeMillis());
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        Files.write(cert, pem("CERTIFICATE", c.certificate().getEncoded()));
        if (password == null) {
            Files.write(key, pem("PRIVATE KEY", c.key().getEncoded()));
        } else {
            // PKCS#12 PBE (an algorithm JDK 8 to 17 all decrypt)
            String alg = "PBEWithSHA1AndDESede";
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            Cipher cipher = Cipher.getInstance(alg);
            cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(alg).generateSecret(new PBEKeySpec(password.toCharArray())),
                new PBEParameterSpec(salt, 10000));
            byte[] encrypted = cipher.doFinal(c.key().getEncoded());
            Files.write(key, pem("ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(cipher.getParameters(), encrypted).getEncoded()));
        }
        return new PemFiles(cert, key);
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
