package org.mercurymq.remoting.protocol.body;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** RESET_CONSUMER_CLIENT_OFFSET (220) body and INVOKE_BROKER_TO_RESET_OFFSET (222) reply: queue → new offset, queue keys written fastjson-style ({@link FastjsonStyleJson}). JSON bean; not thread-safe. */
public class ResetOffsetBody extends RemotingSerializable {
    private Map<MessageQueue, Long> offsetTable = new HashMap<MessageQueue, Long>();

    public Map<MessageQueue, Long> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<MessageQueue, Long> offsetTable) {
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
