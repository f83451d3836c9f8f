package org.mercurymq.remoting.protocol.body;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** GET_CONSUME_STATS (208) reply: broker and consumer offset of every queue plus the group's TPS; queue keys written fastjson-style. JSON bean; not thread-safe. */
public class ConsumeStats extends RemotingSerializable {
    private Map<MessageQueue, OffsetWrapper> offsetTable = new HashMap<MessageQueue, OffsetWrapper>();
    private double consumeTps;

    public Map<MessageQueue, OffsetWrapper> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(Map<MessageQueue, OffsetWrapper> offsetTable) {
        this.offsetTable = offsetTable;
    }

    public double getConsumeTps() {
        return consumeTps;
    }

    public void setConsumeTps(double consumeTps) {
        this.consumeTps = consumeTps;
    }

    @Override
    public String toJson() {
        SortedMap<String, String> f = new TreeMap<String, String>();
        f.put("consumeTps", FastjsonStyleJson.value(consumeTps));
        f.put("offsetTable", FastjsonStyleJson.messageQueueMap(offsetTable));
        return FastjsonStyleJson.object(f);
    }

    @Override
    public byte[] encode() {
        return FastjsonStyleJson.utf8(toJson());
    }

    /** Sum over all queues of broker offset minus consumer offset. */
    public long computeTotalDiff() {
        long diff = 0;
        for (OffsetWrapper w : offsetTable.values()) {
            diff += w.getBrokerOffset() - w.getConsumerOffset();
        }
        return diff;
    }
}
