package org.mercurymq.common.acl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The plain-ACL request signature (docs/security.md): Base64(HmacSHA1(secretKey, content)) where
 * content is the values of the sorted extFields (key order by {@link String#compareTo}, keys not
 * included, {@code Signature} left out) followed by the body bytes. Stateless, thread-safe.
 */
public final class AclSigner {
    public static final String ACCESS_KEY = "AccessKey";
    public static final String SECRET_KEY = "SecretKey";
    public static final String SIGNATURE = "Signature";
    public static final String SECURITY_TOKEN = "SecurityToken";

    private AclSigner() {
    }

    /** The bytes to sign: sorted values of {@code fields} except those named in {@code skip}, then the body. */
    public static byte[] content(Map<String, String> fields, byte[] body, String... skip) {
        SortedMap<String, String> sorted = new TreeMap<>(fields);
        for (String s : skip) {
            sorted.remove(s);
        }
        StringBuilder sb = new StringBuilder();
        for (String v : sorted.values()) {
            if (v != null) {
                sb.append(v);
            }
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null || body.length == 0) {
            return head;
        }
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Base64 (with padding) of HmacSHA1 over {@code data} keyed with the UTF-8 bytes of {@code secretKey}. */
    public static String sign(byte[] data, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable: " + e.getMessage(), e);
        }
    }
}
