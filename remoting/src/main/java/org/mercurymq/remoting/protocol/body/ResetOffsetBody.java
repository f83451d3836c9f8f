package org.mercurymq.remoting.protocol.body;

import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** RESET_CONSUMER_CLIENT_OFFSET (220) body and INVOKE_BROKER_TO_RESET_OFFSET (222) reply: queue → new offset, queue keys written fastjson-style ({@link FastjsonStyleJson}). JSON bean; not thread-safe. */
public class ResetOffsetBody extends RemotingSerializable {
    private Map<MessageQueue, Long> offsetTable = new HashMap<MessageQueue, Long>();

    public ResetOffsetBody() {
    }

    public ResetOffsetBody(Map<MessageQueue, Long> offsetTable) {
        this.offsetTable = offsetTable;
    }

    /**
     * Reads every form a client may meet: queue-object keys (the Java broker's form), keys that are strings
     * holding the queue object, and the C++ list of {@code {brokerName,offset,queueId,topic}} (docs/protocol/headers.md §8).
     */
    public static ResetOffsetBody decode(byte[] body) {
        JSONObject json = FastjsonStyleJson.parse(new String(body, StandardCharsets.UTF_8));
        Object raw = json == null ? null : json.get("offsetTable");
        if (raw instanceof List) {
            Map<MessageQueue, Long> table = new TreeMap<MessageQueue, Long>();
            for (Object o : (List<?>) raw) {
                JSONObject e = (JSONObject) o;
                table.put(new MessageQueue(e.getString("topic"), e.getString("brokerName"), e.getIntValue("queueId")),
                    e.getLongValue("offset"));
            }
            return new ResetOffsetBody(table);
        }
        return new ResetOffsetBody(FastjsonStyleJson.readLongMap(raw));
    }

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

    /**
     * The C++ form (ResetOffsetBodyForC, docs/protocol/headers.md §8), the INVOKE_BROKER_TO_RESET_OFFSET reply to a CPP requester:
     * {@code {"offsetTable":[{"brokerName":…,"offset":…,"queueId":…,"topic":…},…]}} in queue order.
     */
    public byte[] encodeForCpp() {
        StringBuilder sb = new StringBuilder("{\"offsetTable\":[");
        boolean first = true;
        for (Map.Entry<MessageQueue, Long> e : new TreeMap<MessageQueue, Long>(offsetTable).entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            SortedMap<String, String> f = new TreeMap<String, String>();
            MessageQueue mq = e.getKey();
            f.put("brokerName", FastjsonStyleJson.value(mq.getBrokerName()));
            f.put("offset", String.valueOf(e.getValue()));
            f.put("queueId", String.valueOf(mq.getQueueId()));
            f.put("topic", FastjsonStyleJson.value(mq.getTopic()));
            sb.append(first ? "" : ",").append(FastjsonStyleJson.object(f));
            first = false;
        }
        return FastjsonStyleJson.utf8(sb.append("]}").toString());
    }

    @Override
    public byte[] encode() {
        return FastjsonStyleJson.utf8(toJson());
    }
}
