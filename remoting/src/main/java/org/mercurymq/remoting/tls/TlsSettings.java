package org.mercurymq.remoting.tls;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.mercurymq.common.config.ConfigException;

/**
 * RocketMQ's TLS settings, read as RocketMQ 4.9.x reads them: {@code -D} system properties, then the
 * properties file named by {@code tls.config.file} (default {@code /etc/rocketmq/tls.properties}, skipped
 * when absent) whose values win for the keys a file may hold. {@code tls.server.mode} and
 * {@code tls.enable} are system properties only. Unlike RocketMQ, an unknown {@code tls.*} key or an
 * invalid value stops start-up with a message naming it (docs/security.md). Immutable, thread-safe.
 */
public final class TlsSettings {
    public static final String SERVER_MODE = "tls.server.mode";
    public static final String ENABLE = "tls.enable";
    public static final String CONFIG_FILE = "tls.config.file";
    public static final String TEST_MODE_ENABLE = "tls.test.mode.enable";
    public static final String SERVER_NEED_CLIENT_AUTH = "tls.server.need.client.auth";
    public static final String SERVER_KEY_PATH = "tls.server.keyPath";
    public static final String SERVER_KEY_PASSWORD = "tls.server.keyPassword";
    public static final String SERVER_CERT_PATH = "tls.server.certPath";
    public static final String SERVER_AUTH_CLIENT = "tls.server.authClient";
    public static final String SERVER_TRUST_CERT_PATH = "tls.server.trustCertPath";
    public static final String CLIENT_KEY_PATH = "tls.client.keyPath";
    public static final String CLIENT_KEY_PASSWORD = "tls.client.keyPassword";
    public static final String CLIENT_CERT_PATH = "tls.client.certPath";
    public static final String CLIENT_AUTH_SERVER = "tls.client.authServer";
    public static final String CLIENT_TRUST_CERT_PATH = "tls.client.trustCertPath";

    public static final String DEFAULT_CONFIG_FILE = "/etc/rocketmq/tls.properties";

    /** Keys RocketMQ also reads from {@code tls.config.file}. */
    static final List<String> FILE_KEYS = Collections.unmodifiableList(Arrays.asList(TEST_MODE_ENABLE,
        SERVER_NEED_CLIENT_AUTH, SERVER_KEY_PATH, SERVER_KEY_PASSWORD, SERVER_CERT_PATH, SERVER_AUTH_CLIENT,
        SERVER_TRUST_CERT_PATH, CLIENT_KEY_PATH, CLIENT_KEY_PASSWORD, CLIENT_CERT_PATH, CLIENT_AUTH_SERVER,
        CLIENT_TRUST_CERT_PATH));
    private static final Set<String> ALL_KEYS;

    static {
        Set<String> all = new HashSet<>(FILE_KEYS);
        all.addAll(Arrays.asList(SERVER_MODE, ENABLE, CONFIG_FILE));
        ALL_KEYS = Collections.unmodifiableSet(all);
    }

    /** {@code tls.server.need.client.auth}. */
    public enum ClientAuthMode { NONE, OPTIONAL, REQUIRE }

    private final Map<String, String> values;
    private final String configFile;
    private final boolean configFileRead;

    private TlsSettings(Map<String, String> values, String configFile, boolean configFileRead) {
        this.values = values;
        this.configFile = configFile;
        this.configFileRead = configFileRead;
    }

    /** Settings of this process: {@code System.getProperties()} and the file they name. */
    public static TlsSettings fromSystem() {
        return load(System.getProperties());
    }

    /** Settings from {@code systemProperties} and the file they name; throws ConfigException on bad keys/values. */
    public static TlsSettings load(Properties systemProperties) {
        Map<String, String> values = new HashMap<>();
        for (String k : systemProperties.stringPropertyNames()) {
            if (k.startsWith("tls.")) {
                if (!ALL_KEYS.contains(k)) {
                    throw unknownKey("system property -D" + k);
                }
                values.put(k, systemProperties.getProperty(k).trim());
            }
        }
        String file = values.containsKey(CONFIG_FILE) ? values.get(CONFIG_FILE) : DEFAULT_CONFIG_FILE;
        boolean read = readFile(file, values);
        TlsSettings s = new TlsSettings(values, file, read);
        s.validate();
        return s;
    }

    private static boolean readFile(String path, Map<String, String> values) {
        File f = new File(path);
        if (!(f.isFile() && f.canRead())) {
            return false;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f.toPath())) {
            p.load(in);
        } catch (IOException e) {
            throw new ConfigException(CONFIG_FILE + "=" + path + " cannot be read: " + e.getMessage());
        }
        for (String k : p.stringPropertyNames()) {
            if (!FILE_KEYS.contains(k)) {
                throw new ConfigException(ALL_KEYS.contains(k)
                    ? k + " in " + path + " is not read from the file (as in RocketMQ): set it as -D" + k
                    : unknownKey(k + " in " + path).getMessage());
            }
            values.put(k, p.getProperty(k).trim());
        }
        return true;
    }

    private static ConfigException unknownKey(String where) {
        List<String> known = new java.util.ArrayList<>(ALL_KEYS);
        Collections.sort(known);
        return new ConfigException(where + " is not a TLS setting Mercury or RocketMQ knows (a typo?); known: " + known);
    }

    private void validate() {
        mode();
        needClientAuth();
        for (String k : Arrays.asList(ENABLE, TEST_MODE_ENABLE, SERVER_AUTH_CLIENT, CLIENT_AUTH_SERVER)) {
            bool(k, false);
        }
    }

    private String text(String key) {
        String v = values.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    private boolean bool(String key, boolean dflt) {
        String v = text(key);
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new ConfigException(key + "=" + v + " is invalid: use true or false");
    }

    /** {@code tls.server.mode}, default permissive as in RocketMQ. */
    public TlsMode mode() {
        String v = text(SERVER_MODE);
        return v == null ? TlsMode.PERMISSIVE : TlsMode.parse(v);
    }

    /** True when {@code tls.enable} was given (the broker's outgoing default depends on it). */
    public boolean isTlsEnableSet() {
        return text(ENABLE) != null;
    }

    /** {@code tls.enable}: clients connect with TLS; default false. */
    public boolean tlsEnable() {
        return bool(ENABLE, false);
    }

    /** {@code tls.test.mode.enable}, default true as in RocketMQ: self-signed server, trust-all client. Insecure. */
    public boolean testMode() {
        return bool(TEST_MODE_ENABLE, true);
    }

    public ClientAuthMode needClientAuth() {
        String v = text(SERVER_NEED_CLIENT_AUTH);
        if (v == null) {
            return ClientAuthMode.NONE;
        }
        try {
            return ClientAuthMode.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SERVER_NEED_CLIENT_AUTH + "=" + v + " is invalid: use none, optional or require");
        }
    }

    public String serverKeyPath() {
        return text(SERVER_KEY_PATH);
    }

    public String serverKeyPassword() {
        return text(SERVER_KEY_PASSWORD);
    }

    public String serverCertPath() {
        return text(SERVER_CERT_PATH);
    }

    public boolean serverAuthClient() {
        return bool(SERVER_AUTH_CLIENT, false);
    }

    public String serverTrustCertPath() {
        return text(SERVER_TRUST_CERT_PATH);
    }

    public String clientKeyPath() {
        return text(CLIENT_KEY_PATH);
    }

    public String clientKeyPassword() {
        return text(CLIENT_KEY_PASSWORD);
    }

    public String clientCertPath() {
        return text(CLIENT_CERT_PATH);
    }

    public boolean clientAuthServer() {
        return bool(CLIENT_AUTH_SERVER, false);
    }

    public String clientTrustCertPath() {
        return text(CLIENT_TRUST_CERT_PATH);
    }

    /** One line for the start-up log; passwords are not shown. */
    public String describe(boolean server) {
        StringBuilder b = new StringBuilder();
        if (server) {
            b.append("mode=").append(mode().text()).append(", ");
        }
        b.append("testMode=").append(testMode());
        if (server) {
            b.append(", needClientAuth=").append(needClientAuth().name().toLowerCase(Locale.ROOT))
                .append(", certPath=").append(serverCertPath()).append(", keyPath=").append(serverKeyPath())
                .append(", authClient=").append(serverAuthClient()).append(", trustCertPath=").append(serverTrustCertPath());
        } else {
            b.append(", certPath=").append(clientCertPath()).append(", keyPath=").append(clientKeyPath())
                .append(", authServer=").append(clientAuthServer()).append(", trustCertPath=").append(clientTrustCertPath());
        }
        b.append(", configFile=").append(configFile).append(configFileRead ? "" : " (absent)");
        return b.toString();
    }
}
