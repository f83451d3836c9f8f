package org.mercurymq.acl.common;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.mercurymq.common.acl.AclSigner;

/**
 * Access key, secret key and optional security token a client signs with. The no-argument constructor
 * reads them from the properties file named by {@code -Drocketmq.client.keyFile} (default
 * {@code ~/key}; keys {@code AccessKey}, {@code SecretKey}, {@code SecurityToken}), as RocketMQ does.
 */
public class SessionCredentials {
    public static final String ACCESS_KEY = AclSigner.ACCESS_KEY;
    public static final String SECRET_KEY = AclSigner.SECRET_KEY;
    public static final String SIGNATURE = AclSigner.SIGNATURE;
    public static final String SECURITY_TOKEN = AclSigner.SECURITY_TOKEN;
    public static final String KEY_FILE = System.getProperty("rocketmq.client.keyFile",
        System.getProperty("user.home") + File.separator + "key");

    private String accessKey;
    private String secretKey;
    private String securityToken;
    private String signature;

    public SessionCredentials() {
        File file = new File(KEY_FILE);
        if (file.isFile()) {
            Properties props = new Properties();
            try (InputStream in = new FileInputStream(file)) {
                props.load(in);
                updateContent(props);
            } catch (IOException e) {
                // like RocketMQ: an unreadable key file leaves the credentials empty (requests go unsigned-invalid)
            }
        }
    }

    public SessionCredentials(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public SessionCredentials(String accessKey, String secretKey, String securityToken) {
        this(accessKey, secretKey);
        this.securityToken = securityToken;
    }

    public void updateContent(Properties prop) {
        String v = prop.getProperty(ACCESS_KEY);
        if (v != null) {
            accessKey = v.trim();
        }
        v = prop.getProperty(SECRET_KEY);
        if (v != null) {
            secretKey = v.trim();
        }
        v = prop.getProperty(SECURITY_TOKEN);
        if (v != null) {
            securityToken = v.trim();
        }
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSecurityToken() {
        return securityToken;
    }

    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    public String getSignature() {
        return signature;
    }

    public void setSignature(String signature) {
        this.signature = signature;
    }

    @Override
    public int hashCode() {
        int h = accessKey == null ? 0 : accessKey.hashCode();
        h = 31 * h + (secretKey == null ? 0 : secretKey.hashCode());
        return 31 * h + (signature == null ? 0 : signature.hashCode());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SessionCredentials)) {
            return false;
        }
        SessionCredentials other = (SessionCredentials) o;
        return eq(accessKey, other.accessKey) && eq(secretKey, other.secretKey) && eq(signature, other.signature);
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public String toString() {
        // the secret key is never printed
        return "SessionCredentials [accessKey=" + accessKey + ", securityToken=" + securityToken + "]";
    }
}
