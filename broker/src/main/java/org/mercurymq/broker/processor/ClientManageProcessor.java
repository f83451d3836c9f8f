package org.mercurymq.broker.processor;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.mercurymq.broker.client.ClientChannelInfo;
import org.mercurymq.broker.client.ConsumerManager;
import org.mercurymq.broker.client.ProducerManager;
import org.mercurymq.broker.filter.ConsumerFilterManager;
import org.mercurymq.broker.filter.sql.SqlCompileException;
import org.mercurymq.broker.filter.sql.SqlParser;
import org.mercurymq.broker.metadata.SubscriptionGroupManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.filter.ExpressionType;
import org.mercurymq.common.protocol.heartbeat.ConsumerData;
import org.mercurymq.common.protocol.heartbeat.HeartbeatData;
import org.mercurymq.common.protocol.heartbeat.ProducerData;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.CheckClientRequestBody;
import org.mercurymq.remoting.protocol.header.UnregisterClientRequestHeader;

/**
 * HEART_BEAT (34), UNREGISTER_CLIENT (35) and CHECK_CLIENT_CONFIG (46) (docs/protocol/behaviour.md §5): registers the
 * client's producer and consumer groups on its connection, ensuring each consumer group exists and has its
 * {@code %RETRY%} topic and registering its SQL92 filters; CHECK_CLIENT_CONFIG compiles a SQL92 subscription
 * and answers SUBSCRIPTION_PARSE_FAILED with the reason when it does not compile. The reply's {@code version}
 * (407) is what the client records. Thread-safe.
 */
public final class ClientManageProcessor extends CodeDispatchingProcessor {
    private final ProducerManager producers;
    private final ConsumerManager consumers;
    private final SubscriptionGroupManager groups;
    private final TopicConfigManager topics;
    private final BooleanSupplier notifyEnabled;
    private final BooleanSupplier propertyFilterEnabled;
    private final LongSupplier clock;
    private final ConsumerFilterManager filters;

    public ClientManageProcessor(ProducerManager producers, ConsumerManager consumers, SubscriptionGroupManager groups,
                                 TopicConfigManager topics, BooleanSupplier notifyEnabled,
                                 BooleanSupplier propertyFilterEnabled, LongSupplier clock,
                                 ConsumerFilterManager filters) {
        this.producers = producers;
        this.consumers = consumers;
        this.groups = groups;
        this.topics = topics;
        this.notifyEnabled = notifyEnabled;
        this.propertyFilterEnabled = propertyFilterEnabled;
        this.clock = clock;
        this.filters = filters;
        on(RequestCode.HEART_BEAT, this::heartbeat);
        on(RequestCode.UNREGISTER_CLIENT, this::unregisterClient);
        on(RequestCode.CHECK_CLIENT_CONFIG, this::checkClientConfig);
    }

    private RemotingCommand heartbeat(RemotingChannel channel, RemotingCommand request) {
        if (request.getBody() == null) {
            throw new IllegalArgumentException("heartbeat without body");
        }
        HeartbeatData data = decodeBody(request, HeartbeatData.class);
        if (data == null || data.getClientID() == null) {
            throw new IllegalArgumentException("heartbeat without clientID");
        }
        checkHeartbeat(data);
        ClientChannelInfo info = new ClientChannelInfo(channel, data.getClientID(), request.getLanguage(),
            request.getVersion(), clock.getAsLong());
        for (ConsumerData consumer : data.getConsumerDataSet()) {
            SubscriptionGroupConfig groupConfig = groups.findSubscriptionGroupConfig(consumer.getGroupName());
            boolean notify = true;
            if (groupConfig != null) {
                notify = groupConfig.isNotifyConsumerIdsChangedEnable();
                if (groupConfig.getRetryQueueNums() > 0) {
                    topics.createTopicIfAbsent(TopicNames.getRetryTopic(consumer.getGroupName()),
                        groupConfig.getRetryQueueNums(), PermName.PERM_READ_WRITE, 0);
                }
            }
            consumers.registerConsumer(consumer.getGroupName(), info, consumer.getConsumeType(),
                consumer.getMessageModel(), consumer.getConsumeFromWhere(), consumer.getSubscriptionDataSet(),
                notify && notifyEnabled.getAsBoolean());
            // SQL92 subscriptions are compiled once per subscription version; one that does not compile is not
            // registered (its pulls get FILTER_DATA_NOT_EXIST with the reason), the heartbeat itself succeeds
            filters.register(consumer.getGroupName(), consumer.getSubscriptionDataSet());
        }
        for (ProducerData producer : data.getProducerDataSet()) {
            producers.registerProducer(producer.getGroupName(), info);
        }
        return success(request);
    }

    /** Every group named, every subscription complete: else nothing of the heartbeat is applied. */
    private static void checkHeartbeat(HeartbeatData data) {
        require(data.getConsumerDataSet() != null && data.getProducerDataSet() != null,
            "heartbeat without consumerDataSet or producerDataSet");
        for (ConsumerData consumer : data.getConsumerDataSet()) {
            require(consumer != null && consumer.getGroupName() != null && !consumer.getGroupName().isEmpty(),
                "heartbeat of " + data.getClientID() + " has a consumer without groupName");
            require(consumer.getSubscriptionDataSet() != null,
                "heartbeat consumer " + consumer.getGroupName() + " without subscriptionDataSet");
            for (SubscriptionData sub : consumer.getSubscriptionDataSet()) {
                require(sub != null && sub.getTopic() != null && !sub.getTopic().isEmpty(),
                    "heartbeat consumer " + consumer.getGroupName() + " has a subscription without topic");
            }
        }
        for (ProducerData producer : data.getProducerDataSet()) {
            require(producer != null && producer.getGroupName() != null && !producer.getGroupName().isEmpty(),
                "heartbeat of " + data.getClientID() + " has a producer without groupName");
        }
    }

    private RemotingCommand unregisterClient(RemotingChannel channel, RemotingCommand request) throws Exception {
        UnregisterClientRequestHeader header = request.decodeCommandCustomHeader(UnregisterClientRequestHeader.class);
        if (header.getProducerGroup() != null) {
            producers.unregisterProducer(header.getProducerGroup(), channel);
        }
        if (header.getConsumerGroup() != null) {
            SubscriptionGroupConfig groupConfig = groups.get(header.getConsumerGroup());
            boolean notify = groupConfig == null || groupConfig.isNotifyConsumerIdsChangedEnable();
            consumers.unregisterConsumer(header.getConsumerGroup(), channel, notify && notifyEnabled.getAsBoolean());
        }
        return success(request);
    }

    private RemotingCommand checkClientConfig(RemotingChannel channel, RemotingCommand request) {
        CheckClientRequestBody body = decodeBody(request, CheckClientRequestBody.class);
        SubscriptionData sub = body == null ? null : body.getSubscriptionData();
        if (sub == null || ExpressionType.isTagType(sub.getExpressionType())) {
            return success(request);
        }
        if (!propertyFilterEnabled.getAsBoolean()) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(),
                "The broker does not support consumer to filter message by " + sub.getExpressionType());
        }
        if (!ExpressionType.SQL92.equals(sub.getExpressionType())) {
            return request.response(ResponseCode.SUBSCRIPTION_PARSE_FAILED.code(),
                "unsupported expression type " + sub.getExpressionType());
        }
        try {
            SqlParser.compile(sub.getSubString());
        } catch (SqlCompileException e) {
            return request.response(ResponseCode.SUBSCRIPTION_PARSE_FAILED.code(), "SQL92 expression ["
                + sub.getSubString() + "] of group " + body.getGroup() + " does not compile: " + e.getMessage());
        }
        return success(request);
    }
}
