package org.mercurymq.controller;

import java.io.File;
import java.util.Map;
import java.util.Properties;
import org.mercurymq.common.RocketMQEnvironment;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;
import org.mercurymq.remoting.netty.NettyServerConfig;

/**
 * The controller's configuration keys: RocketMQ 5's names where they exist, Ratis keys for the peers and storage
 * (RocketMQ's {@code controllerDLeger*} names are accepted as aliases), and the Netty server's keys. Immutable.
 */
public final class ControllerConfig {
    private static final String HOME = System.getProperty("user.home") + File.separator + "controller" + File.separator;

    public static final ConfigKey<String> ROCKETMQ_HOME = ConfigKey.ofString("rocketmqHome",
        RocketMQEnvironment.rocketmqHome(), "installation directory (ROCKETMQ_HOME)");
    public static final ConfigKey<Integer> LISTEN_PORT = ConfigKey.ofInt("listenPort", 19876,
        "TCP port of the controller's remoting listener (0 = any free port)").range(0, 65535);
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.ofString("bindAddress", "0.0.0.0",
        "Mercury: local address to bind the remoting listener to");
    public static final ConfigKey<String> RATIS_GROUP = ConfigKey.ofString("controllerRatisGroup", "mercury-controller",
        "name of the Raft group; every peer must use the same (alias controllerDLegerGroup)");
    public static final ConfigKey<String> RATIS_PEERS = ConfigKey.ofString("controllerRatisPeers",
        "n0-127.0.0.1:9880", "Raft peers 'id-host:port;id-host:port' (Raft port, not the remoting port; alias "
            + "controllerDLegerPeers)");
    public static final ConfigKey<String> RATIS_SELF_ID = ConfigKey.ofString("controllerRatisSelfId", "n0",
        "this peer's id in controllerRatisPeers (alias controllerDLegerSelfId)");
    public static final ConfigKey<String> STORE_PATH = ConfigKey.ofString("controllerStorePath", HOME + "ratis",
        "directory of the Raft log and metadata");
    public static final ConfigKey<Long> RATIS_ELECTION_TIMEOUT_MIN = ConfigKey.ofLong("controllerRatisElectionTimeoutMin",
        1000L, "Mercury: Raft leader-election timeout, lower bound").unit("ms").range(50L, 60_000L);
    public static final ConfigKey<Long> RATIS_ELECTION_TIMEOUT_MAX = ConfigKey.ofLong("controllerRatisElectionTimeoutMax",
        2000L, "Mercury: Raft leader-election timeout, upper bound").unit("ms").range(100L, 120_000L);
    public static final ConfigKey<Long> RATIS_REQUEST_TIMEOUT = ConfigKey.ofLong("controllerRatisRequestTimeout", 5000L,
        "Mercury: how long a write waits to be committed before the request fails").unit("ms").range(100L, 600_000L);
    public static final ConfigKey<Long> SNAPSHOT_THRESHOLD = ConfigKey.ofLong("controllerSnapshotThreshold", 10_000L,
        "Mercury: the controller writes a snapshot of its state every this many Raft log entries and purges the log "
            + "behind it").range(1L, Long.MAX_VALUE);
    public static final ConfigKey<Long> SCAN_NOT_ACTIVE_BROKER_INTERVAL = ConfigKey.ofLong("scanNotActiveBrokerInterval",
        5000L, "period of the scan that expires brokers and elects for groups without a live master").unit("ms")
        .range(10L, 600_000L);
    public static final ConfigKey<Boolean> ENABLE_ELECT_UNCLEAN_MASTER = ConfigKey.ofBool("enableElectUncleanMaster",
        false, "elect a replica outside the SyncStateSet when none inside is alive (may lose acknowledged messages)");
    public static final ConfigKey<Long> LIVENESS_GRACE = ConfigKey.ofLong("brokerLivenessGracePeriod", 10_000L,
        "Mercury: after start-up, do not elect for lack of heartbeats until this much time has passed").unit("ms")
        .range(0L, 600_000L);

    /** The controller's own keys, also accepted by a name server (scanNotActiveBrokerInterval is shared with it). */
    public static final ConfigTable CONTROLLER_TABLE = ConfigTable.of(RATIS_GROUP, RATIS_PEERS, RATIS_SELF_ID, STORE_PATH,
        RATIS_ELECTION_TIMEOUT_MIN, RATIS_ELECTION_TIMEOUT_MAX, RATIS_REQUEST_TIMEOUT, SNAPSHOT_THRESHOLD,
        ENABLE_ELECT_UNCLEAN_MASTER, LIVENESS_GRACE);

    /** Every key a standalone controller's file may hold. */
    public static final ConfigTable TABLE = ConfigTable.of(ROCKETMQ_HOME, LISTEN_PORT, BIND_ADDRESS,
        SCAN_NOT_ACTIVE_BROKER_INTERVAL).merge(CONTROLLER_TABLE).merge(NettyServerConfig.TABLE);

    private static final Map<String, String> DLEDGER_ALIASES = Map.of(
        "controllerDLegerGroup", RATIS_GROUP.name(),
        "controllerDLegerPeers", RATIS_PEERS.name(),
        "controllerDLegerSelfId", RATIS_SELF_ID.name());

    private final Config config;

    public ControllerConfig(Config config) {
        this.config = config;
    }

    /** Renames RocketMQ's DLedger-named keys to the Ratis keys (an explicit Ratis key wins). */
    public static Properties resolveAliases(Properties props) {
        Properties out = new Properties();
        out.putAll(props);
        DLEDGER_ALIASES.forEach((alias, key) -> {
            Object v = out.remove(alias);
            if (v != null && !out.containsKey(key)) {
                out.put(key, v);
            }
        });
        String type = (String) out.remove("controllerType");
        if (type != null && !type.trim().isEmpty() && !type.trim().equalsIgnoreCase("Ratis")) {
            throw new ConfigException("controllerType=" + type.trim() + " is not supported: Mercury's controller runs "
                + "on Apache Ratis (controllerType=Ratis)");
        }
        return out;
    }

    public <T> T get(ConfigKey<T> key) {
        return config.get(key);
    }

    /** The scan period: this table's key, or the name server's key of the same name when embedded. */
    @SuppressWarnings("unchecked")
    public long scanNotActiveBrokerInterval() {
        ConfigKey<?> key = config.table().key(SCAN_NOT_ACTIVE_BROKER_INTERVAL.name());
        return key == null ? SCAN_NOT_ACTIVE_BROKER_INTERVAL.defaultValue() : config.get((ConfigKey<Long>) key);
    }

    public Config config() {
        return config;
    }

    /** Settings of the standalone controller's remoting listener. */
    public NettyServerConfig nettyServerConfig() {
        return NettyServerConfig.from(config, config.get(BIND_ADDRESS), config.get(LISTEN_PORT));
    }
}
