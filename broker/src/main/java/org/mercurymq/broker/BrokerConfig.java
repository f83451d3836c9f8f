package org.mercurymq.broker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.PermName;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;
import org.mercurymq.metrics.MetricsConfigKeys;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.remoting.tls.TlsMode;
import org.mercurymq.remoting.tls.TlsSettings;
import org.mercurymq.store.BrokerRole;
import org.mercurymq.store.MessageStoreConfig;

/**
 * The broker's effective configuration: one parsed {@link Config} of {@link #TABLE} (broker + store +
 * Netty server + Netty client keys, RocketMQ's names) with the derived identity values filled in by
 * {@link BrokerConfigLoader}. Typed accessors for what the broker reads often; {@link #get} for the rest.
 * Immutable and thread-safe.
 */
public final class BrokerConfig {
    public static final ConfigTable TABLE = ConfigProjection.mergeDistinct(BrokerConfigKeys.TABLE,
        MessageStoreConfig.TABLE, NettyServerConfig.TABLE, NettyClientConfig.TABLE, MetricsConfigKeys.TABLE);

    private final Config config;
    private final List<String> namesrvAddrs;

    public BrokerConfig(Config config) {
        if (config.table() != TABLE) {
            throw new IllegalArgumentException("config was not parsed with BrokerConfig.TABLE");
        }
        this.config = config;
        this.namesrvAddrs = splitNamesrv(config.get(BrokerConfigKeys.NAMESRV_ADDR));
    }

    /** Defaults of every key plus the given raw values (tests). */
    public static BrokerConfig of(Map<String, String> raw) {
        return new BrokerConfig(TABLE.parse(raw, w -> {
            throw new IllegalArgumentException(w);
        }));
    }

    static List<String> splitNamesrv(String value) {
        if (value == null || value.trim().isEmpty()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (String a : value.split(";")) {
            if (!a.trim().isEmpty()) {
                out.add(a.trim());
            }
        }
        return Collections.unmodifiableList(out);
    }

    public Config config() {
        return config;
    }

    public <T> T get(ConfigKey<T> key) {
        return config.get(key);
    }

    public String brokerName() {
        return config.get(BrokerConfigKeys.BROKER_NAME);
    }

    public String clusterName() {
        return config.get(BrokerConfigKeys.BROKER_CLUSTER_NAME);
    }

    public long brokerId() {
        return config.get(BrokerConfigKeys.BROKER_ID);
    }

    public String brokerIP1() {
        return config.get(BrokerConfigKeys.BROKER_IP1);
    }

    public String brokerIP2() {
        String ip2 = config.get(BrokerConfigKeys.BROKER_IP2);
        return ip2 == null || ip2.isEmpty() ? brokerIP1() : ip2;
    }

    public int listenPort() {
        return config.get(BrokerConfigKeys.LISTEN_PORT);
    }

    public String bindAddress() {
        return config.get(BrokerConfigKeys.BIND_ADDRESS);
    }

    /** The name-server addresses ({@code namesrvAddr} split on ';'), maybe empty. */
    public List<String> namesrvAddrs() {
        return namesrvAddrs;
    }

    public String namesrvAddr() {
        return config.get(BrokerConfigKeys.NAMESRV_ADDR);
    }

    public int brokerPermission() {
        return config.get(BrokerConfigKeys.BROKER_PERMISSION);
    }

    public boolean isBrokerWriteable() {
        return PermName.isWriteable(brokerPermission());
    }

    public boolean isBrokerReadable() {
        return PermName.isReadable(brokerPermission());
    }

    public BrokerRole brokerRole() {
        return config.get(MessageStoreConfig.BROKER_ROLE);
    }

    public boolean isMaster() {
        return brokerRole() != BrokerRole.SLAVE;
    }

    public boolean isMasterId() {
        return brokerId() == BrokerConstants.MASTER_ID;
    }

    /** haListenPort, or listenPort+1 when not set (0 when listenPort is 0: any free port). */
    public int haListenPort() {
        if (config.isSet(MessageStoreConfig.HA_LISTEN_PORT)) {
            return config.get(MessageStoreConfig.HA_LISTEN_PORT);
        }
        return listenPort() == 0 ? 0 : listenPort() + 1;
    }

    public String storePathRootDir() {
        return config.get(MessageStoreConfig.STORE_PATH_ROOT_DIR);
    }

    public MessageStoreConfig storeConfig() {
        return new MessageStoreConfig(ConfigProjection.project(config, MessageStoreConfig.TABLE)
            .with(MessageStoreConfig.HA_LISTEN_PORT, haListenPort()));
    }

    public NettyServerConfig serverConfig(int port) {
        return NettyServerConfig.from(ConfigProjection.project(config, NettyServerConfig.TABLE), bindAddress(), port);
    }

    /**
     * Settings of the broker's outgoing client (name servers, master). {@code useTLS} as RocketMQ's broker: the
     * config key when set, else {@code -Dtls.enable}, else true exactly when {@code tls.server.mode=enforcing}
     * (docs/security.md).
     */
    public NettyClientConfig clientConfig(TlsSettings tls) {
        Config projected = ConfigProjection.project(config, NettyClientConfig.TABLE);
        if (!projected.isSet(NettyClientConfig.USE_TLS)) {
            boolean useTls = tls.isTlsEnableSet() ? tls.tlsEnable() : tls.mode() == TlsMode.ENFORCING;
            projected = projected.with(NettyClientConfig.USE_TLS, useTls);
        }
        return NettyClientConfig.from(projected);
    }

    /** Applies text overrides (UPDATE_BROKER_CONFIG); throws ConfigException on invalid values. */
    public BrokerConfig withRaw(Map<String, String> raw, ConfigTable.WarningSink warnings) {
        return new BrokerConfig(config.withRaw(raw, warnings));
    }
}
