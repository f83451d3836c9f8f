package org.mercurymq.tools.admin;

import java.util.Collections;
import java.util.List;
import org.mercurymq.common.message.MessageExt;

/** Messages found by a key query and the newest index update time among the brokers asked. Immutable. */
public final class QueryResult {
    private final long indexLastUpdateTimestamp;
    private final List<MessageExt> messageList;

    public QueryResult(long indexLastUpdateTimestamp, List<MessageExt> messageList) {
        this.indexLastUpdateTimestamp = indexLastUpdateTimestamp;
        this.messageList = Collections.unmodifiableList(messageList);
    }

    public long getIndexLastUpdateTimestamp() {
        return indexLastUpdateTimestamp;
    }

    public List<MessageExt> getMessageList() {
        return messageList;
    }

    @Override
    public String toString() {
        return "QueryResult [indexLastUpdateTimestamp=" + indexLastUpdateTimestamp + ", messageList=" + messageList + "]";
    }
}
