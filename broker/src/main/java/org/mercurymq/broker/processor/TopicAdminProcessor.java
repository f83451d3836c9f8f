package org.mercurymq.broker.processor;

import java.util.Collections;
import java.util.function.BooleanSupplier;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicFilterType;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.TopicList;
import org.mercurymq.remoting.protocol.body.TopicOffset;
import org.mercurymq.remoting.protocol.body.TopicStatsTable;
import org.mercurymq.remoting.protocol.header.CreateTopicRequestHeader;
import org.mercurymq.remoting.protocol.header.DeleteTopicRequestHeader;
import org.mercurymq.remoting.protocol.header.GetTopicStatsInfoRequestHeader;
import org.mercurymq.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic administration (docs/protocol/codes.md §1.4): UPDATE_AND_CREATE_TOPIC (17), DELETE_TOPIC_IN_BROKER (215),
 * GET_ALL_TOPIC_CONFIG (21), GET_TOPIC_STATS_INFO (202), GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305),
 * CLEAN_EXPIRED_CONSUMEQUEUE (306), CLEAN_UNUSED_TOPIC (316), DELETE_EXPIRED_COMMITLOG (329) (QUERY_CONSUME_QUEUE is ConsumeQueueQueryProcessor's).
 * Thread-safe.
 */
public final class TopicAdminProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdminProcessor.class);

    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;
    private final String brokerName;
    private final BooleanSupplier master;
    private final java.util.function.Consumer<String> onTopicDeleted;

    public TopicAdminProcessor(TopicConfigManager topics, ConsumerOffsetManager offsets, MessageStore store,
                               String brokerName, BooleanSupplier master,
                               java.util.function.Consumer<String> onTopicDeleted) {
        this.onTopicDeleted = onTopicDeleted;
        this.topics = topics;
        this.offsets = offsets;
        this.store = store;
        this.brokerName = brokerName;
        this.master = master;
        on(RequestCode.UPDATE_AND_CREATE_TOPIC, this::createTopic);
        on(RequestCode.DELETE_TOPIC_IN_BROKER, this::deleteTopic);
        on(RequestCode.GET_ALL_TOPIC_CONFIG, (ch, req) -> withBody(req, topics.snapshot().encode()));
        on(RequestCode.GET_TOPIC_STATS_INFO, this::topicStats);
        on(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER, (ch, req) -> withBody(req, new TopicList(topics.systemTopics()).encode()));
        on(RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE, (ch, req) -> {
            store.cleanExpiredConsumerQueue();
            return success(req);
        });
        on(RequestCode.CLEAN_UNUSED_TOPIC, (ch, req) -> {
            int removed = store.cleanUnusedTopic(topics.topicNames());
            LOG.info("clean unused topics removed the queues of {} topics", removed);
            return success(req);
        });
        on(RequestCode.DELETE_EXPIRED_COMMITLOG, (ch, req) -> {
            store.executeDeleteFilesManually();
            return success(req);
        });
    }

    static RemotingCommand withBody(RemotingCommand request, byte[] body) {
        RemotingCommand response = success(request);
        response.setBody(body);
        return response;
    }

    private RemotingCommand createTopic(RemotingChannel channel, RemotingCommand request) throws Exception {
        CreateTopicRequestHeader h = request.decodeCommandCustomHeader(CreateTopicRequestHeader.class);
        String topic = h.getTopic();
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            return error(request, ResponseCode.SYSTEM_ERROR, invalid);
        }
        if (topics.isSystemTopic(topic)) {
            return error(request, ResponseCode.SYSTEM_ERROR, "The topic[" + topic + "] is conflict with system topic.");
        }
        if (!master.getAsBoolean()) {
            return error(request, ResponseCode.SYSTEM_ERROR, "cannot create topics on a slave broker");
        }
        int read = h.getReadQueueNums() == null ? TopicConfig.DEFAULT_READ_QUEUE_NUMS : h.getReadQueueNums();
        int write = h.getWriteQueueNums() == null ? TopicConfig.DEFAULT_WRITE_QUEUE_NUMS : h.getWriteQueueNums();
        if (read < 0 || write < 0) {
            return error(request, ResponseCode.SYSTEM_ERROR, "queue numbers must not be negative");
        }
        int perm = h.getPerm() == null ? PermName.PERM_READ_WRITE : h.getPerm();
        TopicFilterType filterType = h.getTopicFilterType() == null || h.getTopicFilterType().isEmpty()
            ? TopicFilterType.SINGLE_TAG : TopicFilterType.valueOf(h.getTopicFilterType());
        int sysFlag = h.getTopicSysFlag() == null ? 0 : h.getTopicSysFlag();
        boolean order = h.getOrder() != null && h.getOrder();
        topics.updateTopicConfig(new TopicConfig(topic, read, write, perm, filterType, sysFlag, order));
        LOG.info("topic {} created/updated by {}", LogEscape.of(topic), channel.remoteAddress());
        return success(request);
    }

    private RemotingCommand deleteTopic(RemotingChannel channel, RemotingCommand request) throws Exception {
        DeleteTopicRequestHeader h = request.decodeCommandCustomHeader(DeleteTopicRequestHeader.class);
        String topic = h.getTopic();
        if (topics.isSystemTopic(topic)) {
            return error(request, ResponseCode.SYSTEM_ERROR, "The topic[" + topic + "] is conflict with system topic.");
        }
        topics.deleteTopicConfig(topic);
        offsets.removeTopic(topic);
        store.deleteTopics(Collections.singleton(topic));
        onTopicDeleted.accept(topic);
        LOG.info("topic {} deleted by {}", LogEscape.of(topic), channel.remoteAddress());
        return success(request);
    }

    private RemotingCommand topicStats(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetTopicStatsInfoRequestHeader h = request.decodeCommandCustomHeader(GetTopicStatsInfoRequestHeader.class);
        TopicConfig tc = topics.selectTopicConfig(h.getTopic());
        if (tc == null) {
            return error(request, ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.getTopic() + "] not exist");
        }
        TopicStatsTable table = new TopicStatsTable();
        for (int i = 0; i < tc.getWriteQueueNums(); i++) {
            TopicOffset o = new TopicOffset();
            long min = Math.max(0, store.getMinOffsetInQueue(h.getTopic(), i));
            long max = Math.max(0, store.getMaxOffsetInQueue(h.getTopic(), i));
            o.setMinOffset(min);
            o.setMaxOffset(max);
            if (max > 0) {
                o.setLastUpdateTimestamp(Math.max(0, store.getMessageStoreTimeStamp(h.getTopic(), i, max - 1)));
            }
            table.getOffsetTable().put(new MessageQueue(h.getTopic(), brokerName, i), o);
        }
        return withBody(request, table.encode());
    }

}
