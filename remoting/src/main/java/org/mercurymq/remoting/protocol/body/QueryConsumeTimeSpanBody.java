package org.mercurymq.remoting.protocol.body;

import java.util.ArrayList;
import java.util.List;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** QUERY_CONSUME_TIME_SPAN (303) reply. JSON bean; not thread-safe. */
public class QueryConsumeTimeSpanBody extends RemotingSerializable {
    private List<QueueTimeSpan> consumeTimeSpanSet = new ArrayList<QueueTimeSpan>();

    public List<QueueTimeSpan> getConsumeTimeSpanSet() {
        return consumeTimeSpanSet;
    }

    public void setConsumeTimeSpanSet(List<QueueTimeSpan> consumeTimeSpanSet) {
        this.consumeTimeSpanSet = consumeTimeSpanSet;
    }
}
