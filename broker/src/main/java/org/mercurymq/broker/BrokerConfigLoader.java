package org.mercurymq.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.common.config.ConfigTable;
import org.mercurymq.common.config.UnsupportedSecurityKeys;
import org.mercurymq.store.BrokerRole;
import org.mercurymq.store.MessageStoreConfig;

/**
 * Builds the broker's configuration: defaults &lt; config file &lt; command line ({@code key=value} and
 * {@code -n}); {@code namesrvAddr} falls back to the system property {@code rocketmq.namesrv.addr}, then the
 * {@code NAMESRV_ADDR} environment variable; {@code brokerName} defaults to the host name, {@code brokerIP1}
 * to the first site-local IPv4 address, {@code haListenPort} to listenPort+1, a master's brokerId to 0.
 * Unknown keys are reported to the warning sink with the nearest known key; invalid values throw
 * {@link ConfigException}. Thread-safe.
 */
public final class BrokerConfigLoader {
    public static final String NAMESRV_ADDR_PROPERTY = "rocketmq.namesrv.addr";
    public static final String NAMESRV_ADDR_ENV = "NAMESRV_ADDR";

    /** What {@code mqbroker -m} prints. */
    public static final List<String> IMPORTANT_KEYS = List.of("rocketmqHome", "namesrvAddr", "brokerIP1", "brokerIP2",
        "brokerName", "brokerClusterName", "brokerId", "brokerPermission", "listenPort", "bindAddress",
        "autoCreateTopicEnable", "autoCreateSubscriptionGroup", "defaultTopicQueueNums", "storePathRootDir",
        "storePathCommitLog", "mappedFileSizeCommitLog", "brokerRole", "flushDiskType", "haListenPort",
        "deleteWhen", "fileReservedTime", "maxMessageSize");

    private final Map<String, String> env;
    private final Properties systemProperties;
    private final Supplier<String> hostName;
    private final Supplier<String> localAddress;

    public BrokerConfigLoader() {
        this(System.getenv(), System.getProperties(), LocalHost::hostName, LocalHost::firstIPv4);
    }

    BrokerConfigLoader(Map<String, String> env, Properties systemProperties, Supplier<String> hostName,
                       Supplier<String> localAddress) {
        this.env = env;
        this.systemProperties = systemProperties;
        this.hostName = hostName;
        this.localAddress = localAddress;
    }

    /**
     * @param file        config file (Java properties), or null
     * @param commandLine {@code key=value} overrides from the command line (including -n)
     */
    public BrokerConfig load(Path file, Map<String, String> commandLine, ConfigTable.WarningSink warnings)
        throws IOException {
        Map<String, String> raw = new LinkedHashMap<>();
        if (file != null) {
            raw.putAll(readProperties(file));
        }
        raw.putAll(commandLine);
        UnsupportedSecurityKeys.check(raw);
        // RocketMQ 5's key is brokerElectionPriority; the shorter name some guides use means the same
        String electPriority = raw.remove("brokerElectPriority");
        if (electPriority != null) {
            raw.putIfAbsent("brokerElectionPriority", electPriority);
            warnings.warn("brokerElectPriority is read as brokerElectionPriority (RocketMQ 5's name for it)");
        }
        Config config = BrokerConfig.TABLE.parse(raw, warnings);
        return new BrokerConfig(derive(config));
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new IOException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> raw = new LinkedHashMap<>();
        for (String name : props.stringPropertyNames()) {
            raw.put(name, props.getProperty(name));
        }
        return raw;
    }

    private Config derive(Config c) {
        if (blank(c.get(BrokerConfigKeys.NAMESRV_ADDR))) {
            String fromProperty = systemProperties.getProperty(NAMESRV_ADDR_PROPERTY);
            String fromEnv = env.get(NAMESRV_ADDR_ENV);
            String addr = !blank(fromProperty) ? fromProperty : fromEnv;
            if (!blank(addr)) {
                c = c.with(BrokerConfigKeys.NAMESRV_ADDR, addr.trim());
            }
        }
        for (String addr : BrokerConfig.splitNamesrv(c.get(BrokerConfigKeys.NAMESRV_ADDR))) {
            checkAddress(addr);
        }
        if (blank(c.get(BrokerConfigKeys.ROCKETMQ_HOME))) {
            String home = systemProperties.getProperty("rocketmq.home.dir", env.get("ROCKETMQ_HOME"));
            if (!blank(home)) {
                c = c.with(BrokerConfigKeys.ROCKETMQ_HOME, home);
            }
        }
        if (blank(c.get(BrokerConfigKeys.BROKER_NAME))) {
            c = c.with(BrokerConfigKeys.BROKER_NAME, hostName.get());
        }
        if (blank(c.get(BrokerConfigKeys.BROKER_IP1))) {
            c = c.with(BrokerConfigKeys.BROKER_IP1, localAddress.get());
        }
        if (blank(c.get(BrokerConfigKeys.BROKER_IP2))) {
            c = c.with(BrokerConfigKeys.BROKER_IP2, c.get(BrokerConfigKeys.BROKER_IP1));
        }
        if (blank(c.get(BrokerConfigKeys.BROKER_CLUSTER_NAME))) {
            throw new ConfigException("brokerClusterName must not be blank");
        }
        if (!c.isSet(MessageStoreConfig.HA_LISTEN_PORT)) {
            int listenPort = c.get(BrokerConfigKeys.LISTEN_PORT);
            c = c.with(MessageStoreConfig.HA_LISTEN_PORT, listenPort == 0 ? 0 : listenPort + 1);
        }
        BrokerRole role = c.get(MessageStoreConfig.BROKER_ROLE);
        if (c.get(BrokerConfigKeys.ENABLE_CONTROLLER_MODE)) {
            // docs/controller.md: the controller gives id and role; until it has, the broker is a read-only replica
            if (blank(c.get(BrokerConfigKeys.CONTROLLER_ADDR))) {
                throw new ConfigException("enableControllerMode=true needs controllerAddr (the controller peers, host:port;...)");
            }
            for (String a : c.get(BrokerConfigKeys.CONTROLLER_ADDR).split(";")) {
                checkAddress(a.trim());
            }
            c = c.with(MessageStoreConfig.BROKER_ROLE, BrokerRole.SLAVE);
        } else if (role == BrokerRole.SLAVE) {
            if (c.get(BrokerConfigKeys.BROKER_ID) <= 0) {
                throw new ConfigException("a SLAVE broker needs brokerId > 0, was " + c.get(BrokerConfigKeys.BROKER_ID));
            }
        } else if (c.get(BrokerConfigKeys.BROKER_ID) != BrokerConstants.MASTER_ID) {
            c = c.with(BrokerConfigKeys.BROKER_ID, BrokerConstants.MASTER_ID);
        }
        int perm = c.get(BrokerConfigKeys.BROKER_PERMISSION);
        if (perm < 0 || perm > 15) {
            throw new ConfigException("brokerPermission must be a permission bit set 0..15, was " + perm);
        }
        return c;
    }

    static void checkAddress(String addr) {
        int colon = addr.lastIndexOf(':');
        boolean ok = colon > 0 && colon < addr.length() - 1;
        if (ok) {
            try {
                int port = Integer.parseInt(addr.substring(colon + 1));
                ok = port > 0 && port <= 65535;
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new ConfigException("invalid name server address '" + addr + "' in namesrvAddr (expected host:port;host:port)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
