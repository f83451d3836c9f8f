package org.mercurymq.remoting.protocol.body;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** GET_TOPIC_STATS_INFO (202) reply: min/max offset of every queue of a topic; queue keys written fastjson-style. JSON bean; not thread-safe. */
public class TopicStatsTable extends RemotingSerializable {
    private Map<MessageQueue, TopicOffset> offsetTable = new HashMap<MessageQueue, TopicOffset>();

    public Map<MessageQueue, TopicOffset> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<MessageQueue, TopicOffset> offsetTable) {
        this.offsetTable = offsetTable;
    }

    @Override
    public String toJson() {
        SortedMap<String, String> f = new TreeMap<String, String>();
        f.put("offsetTable", FastjsonStyleJson.messageQueueMap(offsetTable));
        return FastjsonStyleJson.object(f);
    }

    @Override
    public byte[] encode() {
        return FastjsonStyleJson.utf8(toJson());
    }
}
