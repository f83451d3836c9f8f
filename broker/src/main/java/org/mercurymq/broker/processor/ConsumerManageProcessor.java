package org.mercurymq.broker.processor;

import org.mercurymq.broker.client.ConsumerGroupInfo;
import org.mercurymq.broker.client.ConsumerManager;
import org.mercurymq.broker.metadata.ConsumerOffsetManager;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.body.GetConsumerListByGroupResponseBody;
import org.mercurymq.remoting.protocol.header.GetConsumerListByGroupRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryConsumerOffsetResponseHeader;
import org.mercurymq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.mercurymq.store.MessageStore;

/**
 * GET_CONSUMER_LIST_BY_GROUP (38), QUERY_CONSUMER_OFFSET (14, the rules of docs/protocol/behaviour.md §7) and
 * UPDATE_CONSUMER_OFFSET (15). Thread-safe.
 */
public final class ConsumerManageProcessor extends CodeDispatchingProcessor {
    private final ConsumerManager consumers;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;

    public ConsumerManageProcessor(ConsumerManager consumers, ConsumerOffsetManager offsets, MessageStore store) {
        this.consumers = consumers;
        this.offsets = offsets;
        this.store = store;
        on(RequestCode.GET_CONSUMER_LIST_BY_GROUP, this::consumerList);
        on(RequestCode.QUERY_CONSUMER_OFFSET, this::queryOffset);
        on(RequestCode.UPDATE_CONSUMER_OFFSET, this::updateOffset);
    }

    private RemotingCommand consumerList(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetConsumerListByGroupRequestHeader header = request.decodeCommandCustomHeader(GetConsumerListByGroupRequestHeader.class);
        ConsumerGroupInfo info = consumers.getConsumerGroupInfo(header.getConsumerGroup());
        if (info == null || info.isEmpty()) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(), "no consumer for this group, " + header.getConsumerGroup());
        }
        GetConsumerListByGroupResponseBody body = new GetConsumerListByGroupResponseBody();
        body.setConsumerIdList(info.allClientIds());
        RemotingCommand response = success(request);
        response.setBody(body.encode());
        return response;
    }

    private RemotingCommand queryOffset(RemotingChannel channel, RemotingCommand request) throws Exception {
        QueryConsumerOffsetRequestHeader header = request.decodeCommandCustomHeader(QueryConsumerOffsetRequestHeader.class);
        String topic = header.getTopic();
        int queueId = header.getQueueId();
        QueryConsumerOffsetResponseHeader rh = new QueryConsumerOffsetResponseHeader();
        long offset = offsets.queryOffset(header.getConsumerGroup(), topic, queueId);
        if (offset >= 0) {
            rh.setOffset(offset);
            return success(request, rh);
        }
        long minOffset = store.getMinOffsetInQueue(topic, queueId);
        if (minOffset <= 0 && !store.checkInDiskByConsumeOffset(topic, queueId, 0)) {
            rh.setOffset(0L);
            return success(request, rh);
        }
        RemotingCommand response = request.response(ResponseCode.QUERY_NOT_FOUND.code(),
            "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
        response.writeCustomHeader(rh);
        return response;
    }

    private RemotingCommand updateOffset(RemotingChannel channel, RemotingCommand request) throws Exception {
        UpdateConsumerOffsetRequestHeader header = request.decodeCommandCustomHeader(UpdateConsumerOffsetRequestHeader.class);
        offsets.commitOffset(channel.remoteAddress(), header.getConsumerGroup(), header.getTopic(), header.getQueueId(),
            header.getCommitOffset());
        return success(request);
    }
}
