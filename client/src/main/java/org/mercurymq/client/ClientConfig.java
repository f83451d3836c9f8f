package org.mercurymq.client;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mercurymq.client.support.LocalAddress;
import org.mercurymq.client.support.NamespaceUtil;
import org.mercurymq.common.RocketMQEnvironment;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.LanguageCode;

/**
 * Settings shared by producers and consumers, with RocketMQ 4.9.7's names and defaults. Clients with
 * the same {@link #buildMQClientId() client id} share one connection set and one set of background
 * tasks. Not thread-safe: configure before {@code start()}.
 */
public class ClientConfig {
    public static final String SEND_MESSAGE_WITH_VIP_CHANNEL_PROPERTY = "com.rocketmq.sendMessageWithVIPChannel";
    static final String DEFAULT_INSTANCE_NAME = "DEFAULT";

    private String namesrvAddr = defaultNamesrvAddr();
    private String clientIP = LocalAddress.pick();
    private String instanceName = System.getProperty("rocketmq.client.name", DEFAULT_INSTANCE_NAME);
    private int clientCallbackExecutorThreads = Runtime.getRuntime().availableProcessors();
    protected String namespace;
    protected AccessChannel accessChannel = AccessChannel.LOCAL;
    private int pollNameServerInterval = 1000 * 30;
    private int heartbeatBrokerInterval = 1000 * 30;
    private int persistConsumerOffsetInterval = 1000 * 5;
    private long pullTimeDelayMillsWhenException = 1000;
    private boolean unitMode = false;
    private String unitName;
    private boolean vipChannelEnabled = Boolean.parseBoolean(System.getProperty(SEND_MESSAGE_WITH_VIP_CHANNEL_PROPERTY, "false"));
    /** As RocketMQ: default from {@code -Dtls.enable}; TLS client settings from {@code tls.client.*} (docs/security.md). */
    private boolean useTLS = Boolean.parseBoolean(System.getProperty("tls.enable", "false"));
    private LanguageCode language = LanguageCode.JAVA;
    private int mqClientApiTimeout = 3 * 1000;
    protected boolean enableStreamRequestType = false;

    /** System property {@code rocketmq.namesrv.addr}, else env {@code NAMESRV_ADDR}, else null. */
    static String defaultNamesrvAddr() {
        return System.getProperty(RocketMQEnvironment.NAMESRV_ADDR_PROPERTY, System.getenv(RocketMQEnvironment.NAMESRV_ADDR_ENV));
    }

    /** {@code clientIP@instanceName[@unitName]}; clients with equal ids share one client instance. */
    public String buildMQClientId() {
        StringBuilder sb = new StringBuilder();
        sb.append(getClientIP()).append('@').append(getInstanceName());
        if (unitName != null && !unitName.trim().isEmpty()) {
            sb.append('@').append(unitName);
        }
        if (enableStreamRequestType) {
            sb.append("@STREAM");
        }
        return sb.toString();
    }

    public String getClientIP() {
        return clientIP;
    }

    public void setClientIP(String clientIP) {
        this.clientIP = clientIP;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    /** Gives a client that kept the default instance name a process-unique one ({@code pid#nanoTime}). */
    public void changeInstanceNameToPID() {
        if (DEFAULT_INSTANCE_NAME.equals(this.instanceName)) {
            this.instanceName = pid() + "#" + System.nanoTime();
        }
    }

    static int pid() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        try {
            return Integer.parseInt(name.substring(0, name.indexOf('@')));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public String withNamespace(String resource) {
        return NamespaceUtil.wrapNamespace(this.getNamespace(), resource);
    }

    public Set<String> withNamespace(Set<String> resourceSet) {
        Set<String> out = new HashSet<String>();
        for (String r : resourceSet) {
            out.add(withNamespace(r));
        }
        return out;
    }

    public String withoutNamespace(String resource) {
        return NamespaceUtil.withoutNamespace(resource, this.getNamespace());
    }

    public Set<String> withoutNamespace(Set<String> resourceSet) {
        Set<String> out = new HashSet<String>();
        for (String r : resourceSet) {
            out.add(withoutNamespace(r));
        }
        return out;
    }

    public MessageQueue queueWithNamespace(MessageQueue queue) {
        if (namespace == null || namespace.trim().isEmpty()) {
            return queue;
        }
        return new MessageQueue(withNamespace(queue.getTopic()), queue.getBrokerName(), queue.getQueueId());
    }

    public Collection<MessageQueue> queuesWithNamespace(Collection<MessageQueue> queues) {
        if (namespace == null || namespace.trim().isEmpty()) {
            return queues;
        }
        List<MessageQueue> out = new ArrayList<MessageQueue>(queues.size());
        for (MessageQueue q : queues) {
            out.add(queueWithNamespace(q));
        }
        return out;
    }

    public void resetClientConfig(final ClientConfig cc) {
        this.namesrvAddr = cc.namesrvAddr;
        this.clientIP = cc.clientIP;
        this.instanceName = cc.instanceName;
        this.clientCallbackExecutorThreads = cc.clientCallbackExecutorThreads;
        this.pollNameServerInterval = cc.pollNameServerInterval;
        this.heartbeatBrokerInterval = cc.heartbeatBrokerInterval;
        this.persistConsumerOffsetInterval = cc.persistConsumerOffsetInterval;
        this.pullTimeDelayMillsWhenException = cc.pullTimeDelayMillsWhenException;
        this.unitMode = cc.unitMode;
        this.unitName = cc.unitName;
        this.vipChannelEnabled = cc.vipChannelEnabled;
        this.useTLS = cc.useTLS;
        this.namespace = cc.namespace;
        this.language = cc.language;
        this.mqClientApiTimeout = cc.mqClientApiTimeout;
        this.accessChannel = cc.accessChannel;
        this.enableStreamRequestType = cc.enableStreamRequestType;
    }

    public ClientConfig cloneClientConfig() {
        ClientConfig cc = new ClientConfig();
        cc.resetClientConfig(this);
        return cc;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    /** One or more {@code host:port} separated by {@code ;}. */
    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public int getClientCallbackExecutorThreads() {
        return clientCallbackExecutorThreads;
    }

    public void setClientCallbackExecutorThreads(int clientCallbackExecutorThreads) {
        this.clientCallbackExecutorThreads = clientCallbackExecutorThreads;
    }

    public int getPollNameServerInterval() {
        return pollNameServerInterval;
    }

    public void setPollNameServerInterval(int pollNameServerInterval) {
        this.pollNameServerInterval = pollNameServerInterval;
    }

    public int getHeartbeatBrokerInterval() {
        return heartbeatBrokerInterval;
    }

    public void setHeartbeatBrokerInterval(int heartbeatBrokerInterval) {
        this.heartbeatBrokerInterval = heartbeatBrokerInterval;
    }

    public int getPersistConsumerOffsetInterval() {
        return persistConsumerOffsetInterval;
    }

    public void setPersistConsumerOffsetInterval(int persistConsumerOffsetInterval) {
        this.persistConsumerOffsetInterval = persistConsumerOffsetInterval;
    }

    public long getPullTimeDelayMillsWhenException() {
        return pullTimeDelayMillsWhenException;
    }

    public void setPullTimeDelayMillsWhenException(long pullTimeDelayMillsWhenException) {
        this.pullTimeDelayMillsWhenException = pullTimeDelayMillsWhenException;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }

    public boolean isUnitMode() {
        return unitMode;
    }

    public void setUnitMode(boolean unitMode) {
        this.unitMode = unitMode;
    }

    public boolean isVipChannelEnabled() {
        return vipChannelEnabled;
    }

    public void setVipChannelEnabled(final boolean vipChannelEnabled) {
        this.vipChannelEnabled = vipChannelEnabled;
    }

    public boolean isUseTLS() {
        return useTLS;
    }

    /** Connect to name servers and brokers with TLS (settings: {@code tls.client.*}, {@code tls.test.mode.enable}). */
    public void setUseTLS(boolean useTLS) {
        this.useTLS = useTLS;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public void setLanguage(LanguageCode language) {
        this.language = language;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public AccessChannel getAccessChannel() {
        return this.accessChannel;
    }

    public void setAccessChannel(AccessChannel accessChannel) {
        this.accessChannel = accessChannel;
    }

    public int getMqClientApiTimeout() {
        return mqClientApiTimeout;
    }

    public void setMqClientApiTimeout(int mqClientApiTimeout) {
        this.mqClientApiTimeout = mqClientApiTimeout;
    }

    public boolean isEnableStreamRequestType() {
        return enableStreamRequestType;
    }

    public void setEnableStreamRequestType(boolean enableStreamRequestType) {
        this.enableStreamRequestType = enableStreamRequestType;
    }

    @Override
    public String toString() {
        return "ClientConfig [namesrvAddr=" + namesrvAddr + ", clientIP=" + clientIP + ", instanceName=" + instanceName
            + ", clientCallbackExecutorThreads=" + clientCallbackExecutorThreads + ", pollNameServerInterval="
            + pollNameServerInterval + ", heartbeatBrokerInterval=" + heartbeatBrokerInterval
            + ", persistConsumerOffsetInterval=" + persistConsumerOffsetInterval + ", pullTimeDelayMillsWhenException="
            + pullTimeDelayMillsWhenException + ", unitMode=" + unitMode + ", unitName=" + unitName
            + ", vipChannelEnabled=" + vipChannelEnabled + ", useTLS=" + useTLS + ", language=" + language.name()
            + ", namespace=" + namespace + ", mqClientApiTimeout=" + mqClientApiTimeout + ", enableStreamRequestType="
            + enableStreamRequestType + "]";
    }
}
