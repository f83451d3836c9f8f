package org.mercurymq.common;

/** Environment variable and system property names the launch scripts and processes share. Stateless. */
public final class RocketMQEnvironment {
    public static final String ROCKETMQ_HOME_ENV = "ROCKETMQ_HOME";
    public static final String ROCKETMQ_HOME_PROPERTY = "rocketmq.home.dir";
    public static final String NAMESRV_ADDR_ENV = "NAMESRV_ADDR";
    public static final String NAMESRV_ADDR_PROPERTY = "rocketmq.namesrv.addr";

    private RocketMQEnvironment() {
    }

    /** The installation directory: system property {@value #ROCKETMQ_HOME_PROPERTY}, else env {@value #ROCKETMQ_HOME_ENV}, else null. */
    public static String rocketmqHome() {
        return System.getProperty(ROCKETMQ_HOME_PROPERTY, System.getenv(ROCKETMQ_HOME_ENV));
    }
}
