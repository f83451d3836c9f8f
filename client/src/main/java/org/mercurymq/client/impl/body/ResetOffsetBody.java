package org.mercurymq.client.impl.body;

import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mercurymq.common.message.MessageQueue;

/** RESET_CONSUMER_CLIENT_OFFSET (220) body: the new offset of each queue (headers.md §8). Immutable. */
public final class ResetOffsetBody {
    private final Map<MessageQueue, Long> offsetTable;

    public ResetOffsetBody(Map<MessageQueue, Long> offsetTable) {
        this.offsetTable = offsetTable;
    }

    /** Accepts the Java form ({@code offsetTable} keyed by queue objects) and the C++ list form. */
    public static ResetOffsetBody decode(byte[] body) {
        JSONObject json = MessageQueueJson.parse(new String(body, StandardCharsets.UTF_8));
        Object raw = json.get("offsetTable");
        if (raw instanceof java.util.List) {
            Map<MessageQueue, Long> table = new java.util.TreeMap<MessageQueue, Long>();
            for (Object o : (java.util.List<?>) raw) {
                JSONObject e = (JSONObject) o;
                table.put(new MessageQueue(e.getString("topic"), e.getString("brokerName"), e.getIntValue("queueId")),
                    e.getLongValue("offset"));
            }
            return new ResetOffsetBody(table);
        }
        return new ResetOffsetBody(MessageQueueJson.readLongMap(raw));
    }

    public byte[] encode() {
        return ("{\"offsetTable\":" + MessageQueueJson.writeMap(offsetTable) + "}").getBytes(StandardCharsets.UTF_8);
    }

    public Map<MessageQueue, Long> getOffsetTable() {
        return offsetTable;
    }
}
