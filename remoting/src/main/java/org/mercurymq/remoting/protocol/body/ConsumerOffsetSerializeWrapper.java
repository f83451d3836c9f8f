package org.mercurymq.remoting.protocol.body;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** consumerOffset.json and GET_ALL_CONSUMER_OFFSET (43) body: {@code topic@group} → queueId → offset, integer keys unquoted (docs/protocol/headers.md §9 quirk 3). JSON bean; not thread-safe. */
public class ConsumerOffsetSerializeWrapper extends RemotingSerializable {
    private ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsetTable = new ConcurrentHashMap<String, ConcurrentMap<Integer, Long>>();

    public ConcurrentMap<String, ConcurrentMap<Integer, Long>> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsetTable) {
        this.offsetTable = offsetTable;
    }
}
