package org.mercurymq.broker.processor;

import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import org.mercurymq.remoting.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import org.mercurymq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.GetMaxOffsetResponseHeader;
import org.mercurymq.remoting.protocol.header.GetMinOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.GetMinOffsetResponseHeader;
import org.mercurymq.remoting.protocol.header.SearchOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.SearchOffsetResponseHeader;
import org.mercurymq.store.MessageStore;

/**
 * Queue positions: GET_MAX_OFFSET (30), GET_MIN_OFFSET (31), SEARCH_OFFSET_BY_TIMESTAMP (29, docs/protocol/behaviour.md §7)
 * and GET_EARLIEST_MSG_STORETIME (32). Thread-safe.
 */
public final class QueueOffsetProcessor extends CodeDispatchingProcessor {
    private final MessageStore store;

    public QueueOffsetProcessor(MessageStore store) {
        this.store = store;
        on(RequestCode.GET_MAX_OFFSET, this::maxOffset);
        on(RequestCode.GET_MIN_OFFSET, this::minOffset);
        on(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, this::searchOffset);
        on(RequestCode.GET_EARLIEST_MSG_STORETIME, this::earliestStoreTime);
    }

    private RemotingCommand maxOffset(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetMaxOffsetRequestHeader h = request.decodeCommandCustomHeader(GetMaxOffsetRequestHeader.class);
        GetMaxOffsetResponseHeader rh = new GetMaxOffsetResponseHeader();
        rh.setOffset(Math.max(0, store.getMaxOffsetInQueue(h.getTopic(), h.getQueueId())));
        return success(request, rh);
    }

    private RemotingCommand minOffset(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetMinOffsetRequestHeader h = request.decodeCommandCustomHeader(GetMinOffsetRequestHeader.class);
        GetMinOffsetResponseHeader rh = new GetMinOffsetResponseHeader();
        rh.setOffset(Math.max(0, store.getMinOffsetInQueue(h.getTopic(), h.getQueueId())));
        return success(request, rh);
    }

    private RemotingCommand searchOffset(RemotingChannel channel, RemotingCommand request) throws Exception {
        SearchOffsetRequestHeader h = request.decodeCommandCustomHeader(SearchOffsetRequestHeader.class);
        SearchOffsetResponseHeader rh = new SearchOffsetResponseHeader();
        rh.setOffset(store.getOffsetInQueueByTime(h.getTopic(), h.getQueueId(), h.getTimestamp()));
        return success(request, rh);
    }

    private RemotingCommand earliestStoreTime(RemotingChannel channel, RemotingCommand request) throws Exception {
        GetEarliestMsgStoretimeRequestHeader h = request.decodeCommandCustomHeader(GetEarliestMsgStoretimeRequestHeader.class);
        GetEarliestMsgStoretimeResponseHeader rh = new GetEarliestMsgStoretimeResponseHeader();
        rh.setTimestamp(store.getEarliestMessageTime(h.getTopic(), h.getQueueId()));
        return success(request, rh);
    }
}
