package org.mercurymq.namesrv;

import java.io.File;
import java.util.Map;
import java.util.function.Consumer;
import org.mercurymq.common.RocketMQEnvironment;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;
import org.mercurymq.controller.ControllerConfig;
import org.mercurymq.metrics.MetricsConfigKeys;
import org.mercurymq.remoting.netty.NettyServerConfig;

/**
 * The name server's configuration keys (RocketMQ's names and defaults, plus Mercury's bindAddress and
 * liveness timings) and the live, updatable configuration of a running name server (UPDATE_NAMESRV_CONFIG).
 * Thread-safe: the current {@link Config} is an immutable value swapped atomically.
 */
public final class NamesrvConfig {
    private static final String NAMESRV_DIR = System.getProperty("user.home") + File.separator + "namesrv" + File.separator;

    public static final ConfigKey<String> ROCKETMQ_HOME = ConfigKey.ofString("rocketmqHome",
        RocketMQEnvironment.rocketmqHome(), "installation directory (ROCKETMQ_HOME)")
        .defaultDoc("ROCKETMQ_HOME env / rocketmq.home.dir property");
    public static final ConfigKey<String> KV_CONFIG_PATH = ConfigKey.ofString("kvConfigPath",
        NAMESRV_DIR + "kvConfig.json", "file the KV config is persisted to")
        .defaultDoc("~/namesrv/kvConfig.json");
    public static final ConfigKey<String> CONFIG_STORE_PATH = ConfigKey.ofString("configStorePath",
        NAMESRV_DIR + "namesrv.properties", "file UPDATE_NAMESRV_CONFIG persists the configuration to")
        .defaultDoc("~/namesrv/namesrv.properties");
    public static final ConfigKey<String> PRODUCT_ENV_NAME = ConfigKey.ofString("productEnvName", "center",
        "environment name (informational)")
        .notHonoured("informational only, nothing reads it");
    public static final ConfigKey<Boolean> CLUSTER_TEST = ConfigKey.ofBool("clusterTest", false,
        "test-cluster mode (informational)")
        .notHonoured("test-cluster route mode is not implemented");
    public static final ConfigKey<Boolean> ORDER_MESSAGE_ENABLE = ConfigKey.ofBool("orderMessageEnable", false,
        "add orderTopicConf from KV namespace ORDER_TOPIC_CONFIG to routes").runtime();
    public static final ConfigKey<Integer> LISTEN_PORT = ConfigKey.ofInt("listenPort", 9876,
        "TCP port to listen on (0 = any free port)").range(0, 65535);
    public static final ConfigKey<String> BIND_ADDRESS = ConfigKey.ofString("bindAddress", "0.0.0.0",
        "Mercury: local address to bind the listener to");
    public static final ConfigKey<Long> BROKER_CHANNEL_EXPIRED_TIME = ConfigKey.ofLong("brokerChannelExpiredTime",
        120_000L, "Mercury: a broker not registered for this long is dropped").unit("ms").range(1L, Long.MAX_VALUE).runtime();
    public static final ConfigKey<Long> SCAN_NOT_ACTIVE_BROKER_INTERVAL = ConfigKey.ofLong("scanNotActiveBrokerInterval",
        10_000L, "Mercury: period of the broker liveness scan").unit("ms").range(1L, Long.MAX_VALUE);
    public static final ConfigKey<Boolean> ENABLE_CONTROLLER_IN_NAMESRV = ConfigKey.ofBool("enableControllerInNamesrv",
        false, "run a controller peer inside this name server, on its listen port (docs/controller.md)");

    /** The name server's own keys. */
    public static final ConfigTable NAMESRV_TABLE = ConfigTable.of(ROCKETMQ_HOME, KV_CONFIG_PATH, CONFIG_STORE_PATH,
        PRODUCT_ENV_NAME, CLUSTER_TEST, ORDER_MESSAGE_ENABLE, LISTEN_PORT, BIND_ADDRESS, BROKER_CHANNEL_EXPIRED_TIME,
        SCAN_NOT_ACTIVE_BROKER_INTERVAL, ENABLE_CONTROLLER_IN_NAMESRV);

    /**
     * Every key a name-server config file may hold: its own keys, the embedded controller's (its
     * scanNotActiveBrokerInterval is the name server's key of the same name) the Netty server's and the metrics endpoint's.
     */
    public static final ConfigTable TABLE = NAMESRV_TABLE.merge(ControllerConfig.CONTROLLER_TABLE)
        .merge(NettyServerConfig.TABLE).merge(MetricsConfigKeys.TABLE);

    private volatile Config current;

    public NamesrvConfig(Config initial) {
        if (initial.table() != TABLE) {
            throw new IllegalArgumentException("config must be parsed with NamesrvConfig.TABLE");
        }
        this.current = initial;
    }

    /** All defaults. */
    public static NamesrvConfig defaults() {
        return new NamesrvConfig(TABLE.defaults());
    }

    public Config current() {
        return current;
    }

    public <T> T get(ConfigKey<T> key) {
        return current.get(key);
    }

    /** Settings for the remoting server: the Netty keys plus this table's bindAddress and listenPort. */
    public NettyServerConfig nettyServerConfig() {
        Config c = current;
        return NettyServerConfig.from(c, c.get(BIND_ADDRESS), c.get(LISTEN_PORT));
    }

    /**
     * Applies raw {@code key=value} updates atomically: either every value is valid and the new config
     * becomes current, or a ConfigException naming the bad key is thrown and nothing changes. {@code beforePublish}
     * sees the new config first (e.g. to persist it); if it throws, nothing changes either.
     */
    public synchronized Config update(Map<String, String> raw, ConfigTable.WarningSink warnings,
                                      Consumer<Config> beforePublish) {
        Config next = current.withRaw(raw, warnings);
        beforePublish.accept(next);
        current = next;
        return next;
    }
}
