package org.mercurymq.broker.acl;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;

/**
 * The broker's own account, parsed from {@code innerClientAuthenticationCredentials}
 * ({@code {"accessKey":"...","secretKey":"..."}}, RocketMQ 5's key name and format; docs/security.md,
 * "Inter-node traffic"). Immutable. {@link #toString()} and every error message leave the secret out.
 */
public final class InnerCredentials {
    private final String accessKey;
    private final String secretKey;

    private InnerCredentials(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Null for a blank value (sign nothing); IllegalArgumentException, without the secret, if malformed. */
    public static InnerCredentials parse(String value) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        JSONObject o;
        try {
            o = JSON.parseObject(value);
        } catch (JSONException | ClassCastException e) {
            o = null;
        }
        if (o == null) {
            throw new IllegalArgumentException("innerClientAuthenticationCredentials is not a JSON object like "
                + "{\"accessKey\":\"...\",\"secretKey\":\"...\"}");
        }
        String ak = o.getString("accessKey");
        String sk = o.getString("secretKey");
        if (blank(ak) || blank(sk)) {
            throw new IllegalArgumentException("innerClientAuthenticationCredentials needs both accessKey and secretKey"
                + " (missing " + (blank(ak) ? "accessKey" : "secretKey") + ")");
        }
        return new InnerCredentials(ak, sk);
    }

    public String accessKey() {
        return accessKey;
    }

    String secretKey() {
        return secretKey;
    }

    @Override
    public String toString() {
        return "InnerCredentials{accessKey=" + accessKey + ", secretKey=******}";
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
