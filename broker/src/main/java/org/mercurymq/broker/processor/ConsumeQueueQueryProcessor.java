package org.mercurymq.broker.processor;

import java.util.List;
import org.mercurymq.broker.client.ConsumerManager;
import org.mercurymq.broker.filter.ConsumerFilterData;
import org.mercurymq.broker.filter.ConsumerFilterManager;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.ConsumeQueueData;
import org.mercurymq.remoting.protocol.body.QueryConsumeQueueResponseBody;
import org.mercurymq.remoting.protocol.header.QueryConsumeQueueRequestHeader;
import org.mercurymq.store.ConsumeQueueEntry;
import org.mercurymq.store.MessageStore;

/**
 * QUERY_CONSUME_QUEUE (321, {@code mqadmin queryCq}): the raw consume-queue entries of one queue from an index,
 * as RocketMQ 4.9.7 answers it (docs/mqadmin.md): an unknown queue is SYSTEM_ERROR {@code <qid>@<topic> is not
 * exist!}; an index the queue does not hold is SUCCESS without a body and the remark
 * {@code Index <i> of <qid>@<topic> is not exist!}; entries stop at the end of the consume-queue segment holding
 * the index. With a consumer group the body also carries the group's subscription and filter data. Mercury has
 * no consume-queue extension, so {@code eval} stays false, as it does in RocketMQ without one. Thread-safe.
 */
public final class ConsumeQueueQueryProcessor extends CodeDispatchingProcessor {
    private final MessageStore store;
    private final ConsumerManager consumers;
    private final ConsumerFilterManager filters;

    public ConsumeQueueQueryProcessor(MessageStore store, ConsumerManager consumers, ConsumerFilterManager filters) {
        this.store = store;
        this.consumers = consumers;
        this.filters = filters;
        on(RequestCode.QUERY_CONSUME_QUEUE, this::query);
    }

    private RemotingCommand query(RemotingChannel channel, RemotingCommand request) throws Exception {
        QueryConsumeQueueRequestHeader h = request.decodeCommandCustomHeader(QueryConsumeQueueRequestHeader.class);
        String topic = h.getTopic();
        int queueId = h.getQueueId();
        if (!store.hasConsumeQueue(topic, queueId)) {
            return error(request, ResponseCode.SYSTEM_ERROR, String.format("%d@%s is not exist!", queueId, topic));
        }
        QueryConsumeQueueResponseBody body = new QueryConsumeQueueResponseBody();
        body.setMaxQueueIndex(store.getMaxOffsetInQueue(topic, queueId));
        body.setMinQueueIndex(store.getMinOffsetInQueue(topic, queueId));
        String group = h.getConsumerGroup();
        if (group != null) {
            SubscriptionData subscription = consumers.findSubscriptionData(group, topic);
            body.setSubscriptionData(subscription);
            body.setFilterData(subscription == null ? String.format("%s@%s is not online!", group, topic)
                : filterJson(filters.get(topic, group)));
        }
        List<ConsumeQueueEntry> entries = store.readConsumeQueue(topic, queueId, h.getIndex(), Math.max(0, h.getCount()));
        if (entries == null) {
            RemotingCommand response = success(request);
            response.setRemark(String.format("Index %d of %d@%s is not exist!", h.getIndex(), queueId, topic));
            return response;
        }
        for (ConsumeQueueEntry e : entries) {
            ConsumeQueueData d = new ConsumeQueueData();
            d.setPhysicOffset(e.physicOffset());
            d.setPhysicSize(e.physicSize());
            d.setTagsCode(e.tagsCode());
            body.getQueueData().add(d);
        }
        return TopicAdminProcessor.withBody(request, body.encode());
    }

    /** The filter data as indented JSON, "null" for a tag subscription (none registered). */
    private static String filterJson(ConsumerFilterData f) {
        if (f == null) {
            return "null";
        }
        return "{\n\t\"bornTime\":" + f.bornTime() + ",\n\t\"clientVersion\":" + f.clientVersion()
            + ",\n\t\"consumerGroup\":\"" + f.consumerGroup() + "\",\n\t\"deadTime\":" + f.deadTime()
            + ",\n\t\"expression\":\"" + f.expression().replace("\\", "\\\\").replace("\"", "\\\"")
            + "\",\n\t\"expressionType\":\"" + f.expressionType() + "\",\n\t\"topic\":\"" + f.topic() + "\"\n}";
    }
}
