package org.mercurymq.broker.processor;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.mercurymq.broker.client.ConsumerManager;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.broker.metadata.SubscriptionGroupManager;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.protocol.header.CloneGroupOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryCorrectionOffsetHeader;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.GroupList;
import org.mercurymq.remoting.protocol.body.QueryCorrectionOffsetBody;
import org.mercurymq.remoting.protocol.header.DeleteSubscriptionGroupRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryTopicConsumeByWhoRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer-group administration (docs/protocol/codes.md §1.4): UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200),
 * GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201), DELETE_SUBSCRIPTIONGROUP (207), GET_ALL_CONSUMER_OFFSET (43),
 * GET_ALL_DELAY_OFFSET (45), QUERY_TOPIC_CONSUME_BY_WHO (300), CLONE_GROUP_OFFSET (314) and
 * QUERY_CORRECTION_OFFSET (308). Thread-safe.
 */
public final class GroupAdminProcessor extends CodeDispatchingProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(GroupAdminProcessor.class);

    private final SubscriptionGroupManager groups;
    private final ConsumerOffsetManager offsets;
    private final ConsumerManager consumers;
    private final TopicConfigManager topics;
    private final Supplier<String> delayOffsetJson;
    private final java.util.function.Consumer<String> onGroupDeleted;

    public GroupAdminProcessor(SubscriptionGroupManager groups, ConsumerOffsetManager offsets, ConsumerManager consumers,
                               TopicConfigManager topics, Supplier<String> delayOffsetJson,
                               java.util.function.Consumer<String> onGroupDeleted) {
        this.onGroupDeleted = onGroupDeleted;
        this.groups = groups;
        this.offsets = offsets;
        this.consumers = consumers;
        this.topics = topics;
        this.delayOffsetJson = delayOffsetJson;
        on(RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, this::updateGroup);
        on(RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, (ch, req) -> TopicAdminProcessor.withBody(req, groups.snapshot().encode()));
        on(RequestCode.DELETE_SUBSCRIPTIONGROUP, this::deleteGroup);
        on(RequestCode.GET_ALL_CONSUMER_OFFSET, (ch, req) -> TopicAdminProcessor.withBody(req, offsets.snapshot().encode()));
        on(RequestCode.GET_ALL_DELAY_OFFSET, (ch, req) -> {
            String json = delayOffsetJson.get();
            if (json == null) {
                return error(req, ResponseCode.SYSTEM_ERROR, "No delay offset in this broker");
            }
            return TopicAdminProcessor.withBody(req, json.getBytes(StandardCharsets.UTF_8));
        });
        on(RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, this::consumeByWho);
        on(RequestCode.CLONE_GROUP_OFFSET, this::cloneGroupOffset);
        on(RequestCode.QUERY_CORRECTION_OFFSET, this::correctionOffset);
    }

    private RemotingCommand updateGroup(RemotingChannel channel, RemotingCommand request) {
        SubscriptionGroupConfig config = decodeBody(request, SubscriptionGroupConfig.class);
        if (config.getGroupName() == null || config.getGroupName().trim().isEmpty()
            || TopicValidator.isTopicOrGroupIllegal(config.getGroupName())) {
            return error(request, ResponseCode.SYSTEM_ERROR, "the group name '" + config.getGroupName() + "' is illegal");
        }
        groups.updateSubscriptionGroupConfig(config);
        LOG.info("subscription group {} updated by {}", LogEscape.of(config.getGroupName()), channel.remoteAddress());
        return success(request);
    }

    private RemotingCommand deleteGroup(RemotingChannel channel, RemotingCommand request) throws Exception {
        DeleteSubscriptionGroupRequestHeader h = request.decodeCommandCustomHeader(DeleteSubscriptionGroupRequestHeader.class);
        groups.deleteSubscriptionGroupConfig(h.getGroupName());
        if (h.isRemoveOffset()) {
            offsets.removeGroup(h.getGroupName());
        }
        onGroupDeleted.accept(h.getGroupName());
        LOG.info("subscription group {} deleted by {} (offsets removed: {})", LogEscape.of(h.getGroupName()),
            channel.remoteAddress(),
            h.isRemoveOffset());
        return success(request);
    }

    private RemotingCommand consumeByWho(RemotingChannel channel, RemotingCommand request) throws Exception {
        QueryTopicConsumeByWhoRequestHeader h = request.decodeCommandCustomHeader(QueryTopicConsumeByWhoRequestHeader.class);
        GroupList list = new GroupList();
        list.getGroupList().addAll(consumers.queryTopicConsumeByWho(h.getTopic()));
        list.getGroupList().addAll(offsets.whichGroupByTopic(h.getTopic()));
        return TopicAdminProcessor.withBody(request, list.encode());
    }

    private RemotingCommand cloneGroupOffset(RemotingChannel channel, RemotingCommand request) throws Exception {
        CloneGroupOffsetRequestHeader h = request.decodeCommandCustomHeader(CloneGroupOffsetRequestHeader.class);
        Set<String> topicNames = h.getTopic() == null || h.getTopic().isEmpty()
            ? offsets.whichTopicByConsumer(h.getSrcGroup()) : Set.of(h.getTopic());
        for (String topic : topicNames) {
            if (topics.selectTopicConfig(topic) == null) {
                continue;
            }
            offsets.cloneOffset(h.getSrcGroup(), h.getDestGroup(), topic);
        }
        LOG.info("offsets of {} cloned to {} for {}", LogEscape.of(h.getSrcGroup()), LogEscape.of(h.getDestGroup()),
            LogEscape.of(topicNames));
        return success(request);
    }

    private RemotingCommand correctionOffset(RemotingChannel channel, RemotingCommand request) throws Exception {
        QueryCorrectionOffsetHeader h = request.decodeCommandCustomHeader(QueryCorrectionOffsetHeader.class);
        Map<Integer, Long> correction = offsets.queryMinOffsetInAllGroup(h.getTopic(), h.getFilterGroups());
        Map<Integer, Long> compare = offsets.queryOffsets(h.getCompareGroup(), h.getTopic());
        if (!compare.isEmpty()) {
            for (Map.Entry<Integer, Long> e : correction.entrySet()) {
                Long c = compare.get(e.getKey());
                e.setValue(c != null && e.getValue() > c ? Long.MAX_VALUE : (c == null ? e.getValue() : c));
            }
        }
        QueryCorrectionOffsetBody body = new QueryCorrectionOffsetBody();
        body.setCorrectionOffsets(correction);
        return TopicAdminProcessor.withBody(request, body.encode());
    }
}
