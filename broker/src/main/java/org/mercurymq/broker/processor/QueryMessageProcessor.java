package org.mercurymq.broker.processor;

import java.nio.ByteBuffer;
import java.util.List;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.QueryMessageRequestHeader;
import org.mercurymq.remoting.protocol.header.QueryMessageResponseHeader;
import org.mercurymq.remoting.protocol.header.ViewMessageRequestHeader;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.QueryMessageResult;
import org.mercurymq.store.SelectMappedBufferResult;

/**
 * QUERY_MESSAGE (12; by key, or by UNIQ_KEY with ext {@code _UNIQUE_KEY_QUERY}=true) and VIEW_MESSAGE_BY_ID
 * (33; by commit-log offset): bodies are copies of the stored records (docs/protocol/headers.md §5). Thread-safe.
 */
public final class QueryMessageProcessor extends CodeDispatchingProcessor {
    static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    private final MessageStore store;

    public QueryMessageProcessor(MessageStore store) {
        this.store = store;
        on(RequestCode.QUERY_MESSAGE, this::queryMessage);
        on(RequestCode.VIEW_MESSAGE_BY_ID, this::viewMessageById);
    }

    private RemotingCommand queryMessage(RemotingChannel channel, RemotingCommand request) throws Exception {
        QueryMessageRequestHeader header = request.decodeCommandCustomHeader(QueryMessageRequestHeader.class);
        int maxNum = header.getMaxNum();
        if (request.getExtFields() != null && "true".equals(request.getExtFields().get(UNIQUE_KEY_QUERY))) {
            maxNum = store.getMessageStoreConfig().defaultQueryMaxNum();
        }
        QueryMessageResult result = store.queryMessage(header.getTopic(), header.getKey(), maxNum,
            header.getBeginTimestamp(), header.getEndTimestamp());
        try {
            QueryMessageResponseHeader rh = new QueryMessageResponseHeader();
            rh.setIndexLastUpdateTimestamp(result.getIndexLastUpdateTimestamp());
            rh.setIndexLastUpdatePhyoffset(result.getIndexLastUpdatePhyoffset());
            if (result.getBufferTotalSize() <= 0) {
                RemotingCommand response = request.response(ResponseCode.QUERY_NOT_FOUND.code(),
                    "can not find message, maybe time range not correct");
                response.writeCustomHeader(rh);
                return response;
            }
            RemotingCommand response = success(request, rh);
            response.setBody(copy(result.getMessageMapedList(), result.getBufferTotalSize()));
            return response;
        } finally {
            result.release();
        }
    }

    private RemotingCommand viewMessageById(RemotingChannel channel, RemotingCommand request) throws Exception {
        ViewMessageRequestHeader header = request.decodeCommandCustomHeader(ViewMessageRequestHeader.class);
        SelectMappedBufferResult r = store.selectOneMessageByOffset(header.getOffset());
        if (r == null) {
            return request.response(ResponseCode.SYSTEM_ERROR.code(),
                "can not find message by the offset, " + header.getOffset());
        }
        try {
            RemotingCommand response = success(request);
            response.setBody(r.bytes());
            return response;
        } finally {
            r.release();
        }
    }

    private static byte[] copy(List<SelectMappedBufferResult> buffers, int total) {
        byte[] out = new byte[total];
        int pos = 0;
        for (SelectMappedBufferResult r : buffers) {
            ByteBuffer b = r.getByteBuffer().duplicate();
            b.get(out, pos, r.getSize());
            pos += r.getSize();
        }
        return out;
    }
}
