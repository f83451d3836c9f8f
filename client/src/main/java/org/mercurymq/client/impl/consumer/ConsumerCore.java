package org.mercurymq.client.impl.consumer;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.consumer.store.LocalFileOffsetStore;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.consumer.store.RemoteBrokerOffsetStore;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.client.impl.factory.MQAdminImpl;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.client.impl.factory.MQClientManager;
import org.mercurymq.client.impl.factory.MQConsumerInner;
import org.mercurymq.client.impl.factory.ProducerServices;
import org.mercurymq.client.impl.producer.InstanceServices;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.protocol.body.ConsumerRunningInfo;
import org.mercurymq.remoting.exception.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the push, pull and lite pull consumer engines share (composed by each, not inherited): the connection to the
 * client instance (register, start, announce, unregister), the offset store choice (the application's, else local
 * file for broadcasting, broker for clustering), the rebalance tables behind {@link MQConsumerInner}, and offset
 * persistence. Start-up order: {@link #connect}, {@link #useOffsetStore}, {@link #useRebalance}, {@link #register}, {@link #startInstance},
 * {@link #refreshRoutes}, {@link #announce}, {@link #rebalanceNow}. Thread-safe.
 */
final class ConsumerCore {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCore.class);

    private final ClientConfig clientConfig;
    private final String group;
    private final MessageModel messageModel;
    private final RPCHook rpcHook;
    private volatile MQClientInstance instance;
    private volatile OffsetStore offsetStore;
    private volatile RebalanceImpl rebalance;
    /** Set once the first heartbeat went out; rebalancing (or pulling) earlier only earns "no consumer" replies. */
    private volatile boolean registeredWithBrokers;

    ConsumerCore(ClientConfig clientConfig, String group, MessageModel messageModel, RPCHook rpcHook) {
        this.clientConfig = clientConfig;
        this.group = group;
        this.messageModel = messageModel;
        this.rpcHook = rpcHook;
    }

    /** Gets (or creates) the client instance of the config's client id. */
    MQClientInstance connect() {
        instance = MQClientManager.getInstance().getOrCreateMQClientInstance(clientConfig, rpcHook, InstanceServices.INSTANCE);
        return instance;
    }

    /** The application's store if it set one, else the default for the message model; loaded. */
    OffsetStore useOffsetStore(OffsetStore configured) throws MQClientException {
        if (configured != null) {
            offsetStore = configured;
        } else if (messageModel == MessageModel.BROADCASTING) {
            offsetStore = new LocalFileOffsetStore(instance, group);
        } else {
            offsetStore = new RemoteBrokerOffsetStore(instance, group);
        }
        offsetStore.load();
        return offsetStore;
    }

    void useRebalance(RebalanceImpl rebalance) {
        this.rebalance = rebalance;
    }

    /** Registers {@code consumer} under the group; fails when the group is taken in this client instance. */
    void register(MQConsumerInner consumer) throws MQClientException {
        if (!instance.registerConsumer(group, consumer)) {
            throw new MQClientException("The consumer group[" + group
                + "] has been created before, specify another name please.", null);
        }
    }

    /** Starts the client instance (once, for all its users). */
    void startInstance() throws MQClientException {
        instance.start();
    }

    /** Fetches the route of every subscribed topic now, rather than at the next 30 s refresh. */
    void refreshRoutes() {
        for (String topic : rebalance.getSubscriptionInner().keySet()) {
            instance.updateTopicRouteInfoFromNameServer(topic);
        }
    }

    /** Heartbeat to every broker; from now on rebalancing makes sense. */
    void announce() {
        instance.sendHeartbeatToAllBrokerWithLock();
        registeredWithBrokers = true;
    }

    /** Wakes the instance's rebalance thread (all groups of the instance rebalance). */
    void rebalanceNow() {
        instance.rebalanceImmediately();
    }

    /** A subscription was added while running: route, heartbeat, rebalance. */
    void subscriptionChanged(String topic) {
        instance.updateTopicRouteInfoFromNameServer(topic);
        instance.sendHeartbeatToAllBrokerWithLock();
        instance.rebalanceImmediately();
    }

    /** Unregisters the group, shuts the instance down if this was its last user, releases the rebalance state. */
    void close() {
        instance.unregisterConsumer(group);
        instance.shutdown();
        rebalance.destroy();
    }

    /** Persists the offsets of {@code mqs}; {@code sync} waits for the broker (shutdown, explicit commits). */
    void persist(Set<MessageQueue> mqs, boolean sync) {
        if (sync && offsetStore instanceof RemoteBrokerOffsetStore) {
            ((RemoteBrokerOffsetStore) offsetStore).persistAllSync(mqs);
        } else {
            offsetStore.persistAll(mqs);
        }
    }

    /**
     * CONSUMER_SEND_MSG_BACK to the broker of {@code brokerName} (or the message's store host); when that fails,
     * {@code fallback} (the message for %RETRY%group, see {@link #retryMessage}) goes out through the instance's
     * internal sender, whose failure is thrown (docs/client.md, "Push consumer").
     */
    void sendMessageBack(MessageExt msg, int delayLevel, String brokerName, String group, long timeoutMillis,
                         int maxReconsumeTimes, Message fallback)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        String brokerAddr = brokerName != null ? instance.findBrokerAddressInPublish(brokerName)
            : RemotingHelper.parseSocketAddressAddr(msg.getStoreHost());
        try {
            if (brokerAddr == null) {
                throw new MQClientException("The broker[" + brokerName + "] not exist", null);
            }
            api().consumerSendMessageBack(brokerAddr, brokerName, msg, group, delayLevel, timeoutMillis, maxReconsumeTimes);
        } catch (Exception e) {
            LOG.warn("send-back of {} to {} failed ({}), re-sending it to the retry topic", msg.getMsgId(), brokerAddr,
                e.toString());
            internalSender().send(fallback);
        }
    }

    /** A copy of {@code msg} for %RETRY%group, remembering its origin id and topic, delay level 3 + reconsumeTimes. */
    static Message retryMessage(MessageExt msg, String group, int reconsumeTimes, int maxReconsumeTimes) {
        Message retry = new Message(TopicNames.getRetryTopic(group), msg.getBody());
        String originMsgId = MessageAccessor.getOriginMessageId(msg);
        MessageAccessor.setProperties(retry, new HashMap<String, String>(msg.getProperties()));
        MessageAccessor.setOriginMessageId(retry, originMsgId == null ? msg.getMsgId() : originMsgId);
        MessageAccessor.putProperty(retry, MessageConst.PROPERTY_RETRY_TOPIC, msg.getTopic());
        MessageAccessor.setReconsumeTime(retry, String.valueOf(reconsumeTimes));
        MessageAccessor.setMaxReconsumeTimes(retry, String.valueOf(maxReconsumeTimes));
        retry.setDelayTimeLevel(3 + msg.getReconsumeTimes());
        return retry;
    }

    // ---------------------------------------------------------------- MQConsumerInner parts every engine shares

    Set<SubscriptionData> subscriptions() {
        return new HashSet<SubscriptionData>(rebalance.getSubscriptionInner().values());
    }

    void updateTopicSubscribeInfo(String topic, Set<MessageQueue> info) {
        if (rebalance != null && rebalance.getSubscriptionInner().containsKey(topic)) {
            rebalance.getTopicSubscribeInfoTable().put(topic, info);
        }
    }

    /** GET_CONSUMER_RUNNING_INFO: group, consume type and subscriptions; the engine adds its own part. */
    ConsumerRunningInfo runningInfo(ConsumeType consumeType) {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.getProperties().put("consumerGroup", group);
        info.getProperties().put(ConsumerRunningInfo.PROP_CONSUME_TYPE, consumeType.name());
        info.getSubscriptionSet().addAll(subscriptions());
        return info;
    }

    boolean isSubscribeTopicNeedUpdate(String topic) {
        return rebalance != null && rebalance.getSubscriptionInner().containsKey(topic)
            && !rebalance.getTopicSubscribeInfoTable().containsKey(topic);
    }

    /** True once the group was announced to the brokers and has a rebalance. */
    boolean mayRebalance() {
        return registeredWithBrokers && rebalance != null;
    }

    // ---------------------------------------------------------------- collaborators, for wiring the engine's parts

    MQClientAPIImpl api() {
        return instance.getMQClientAPIImpl();
    }

    MQAdminImpl admin() {
        return instance.getMQAdminImpl();
    }

    Clock clock() {
        return instance.getClock();
    }

    ProducerServices.InternalSender internalSender() {
        return instance.getInternalProducer();
    }
}
