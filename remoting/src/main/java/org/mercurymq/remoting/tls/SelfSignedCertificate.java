package org.mercurymq.remoting.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.TimeZone;

/**
 * A throw-away self-signed certificate for test mode ({@code tls.test.mode.enable=true}): a fresh EC
 * P-256 key and an X.509 v3 certificate signed with it, DER-encoded here because the JDK has no public
 * certificate builder and Netty's own generator needs BouncyCastle or JDK internals closed on Java 17.
 * Test-mode clients trust any certificate, so this one only gives encryption, not authentication
 * (docs/security.md). Immutable.
 */
public final class SelfSignedCertificate {
    private static final byte[] OID_ECDSA_SHA256 = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02};
    private static final byte[] OID_COMMON_NAME = {0x55, 0x04, 0x03};
    private static final long VALIDITY_MILLIS = 365L * 24 * 3600 * 1000;

    private final PrivateKey key;
    private final X509Certificate certificate;

    private SelfSignedCertificate(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** A new key and certificate for {@code commonName}, valid from a day before {@code nowMillis} for a year. */
    public static SelfSignedCertificate generate(String commonName, long nowMillis) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            byte[] algorithm = seq(tlv(0x06, OID_ECDSA_SHA256));
            byte[] name = seq(tlv(0x31, seq(tlv(0x06, OID_COMMON_NAME), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
            byte[] serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray();
            byte[] tbs = seq(
                tlv(0xA0, tlv(0x02, new byte[] {2})),
                tlv(0x02, serial),
                algorithm,
                name,
                seq(utcTime(nowMillis - 24L * 3600 * 1000), utcTime(nowMillis + VALIDITY_MILLIS)),
                name,
                pair.getPublic().getEncoded());
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(tbs);
            byte[] sig = signer.sign();
            byte[] bitString = new byte[sig.length + 1];
            System.arraycopy(sig, 0, bitString, 1, sig.length);
            byte[] der = seq(tbs, algorithm, tlv(0x03, bitString));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
            cert.verify(pair.getPublic());
            return new SelfSignedCertificate(pair.getPrivate(), cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the test-mode self-signed certificate: " + e, e);
        }
    }

    public PrivateKey key() {
        return key;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private static byte[] utcTime(long millis) {
        SimpleDateFormat f = new SimpleDateFormat("yyMMddHHmmss'Z'");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return tlv(0x17, f.format(new Date(millis)).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return tlv(0x30, out.toByteArray());
    }

    /** DER tag-length-value with the definite length form. */
    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        out.write(value, 0, value.length);
        return out.toByteArray();
    }
}
