package org.mercurymq.client.consumer.store;

import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.remoting.protocol.body.FastjsonStyleJson;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/**
 * The offsets file of a broadcasting consumer: {@code {"offsetTable":{<queue object>:<offset>,…}}}, the
 * layout RocketMQ writes (queue objects as keys), so files move between the two clients. Not thread-safe.
 */
public class OffsetSerializeWrapper extends RemotingSerializable {
    private ConcurrentMap<MessageQueue, AtomicLong> offsetTable = new ConcurrentHashMap<MessageQueue, AtomicLong>();

    public ConcurrentMap<MessageQueue, AtomicLong> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(ConcurrentMap<MessageQueue, AtomicLong> offsetTable) {
        this.offsetTable = offsetTable;
    }

    @Override
    public String toJson() {
        Map<MessageQueue, Long> plain = new TreeMap<MessageQueue, Long>();
        for (Map.Entry<MessageQueue, AtomicLong> e : offsetTable.entrySet()) {
            plain.put(e.getKey(), e.getValue().get());
        }
        return "{\"offsetTable\":" + FastjsonStyleJson.messageQueueMap(plain) + "}";
    }

    @Override
    public byte[] encode() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    public static OffsetSerializeWrapper fromJson(String json) {
        JSONObject o = FastjsonStyleJson.parse(json);
        OffsetSerializeWrapper w = new OffsetSerializeWrapper();
        if (o != null) {
            for (Map.Entry<MessageQueue, Long> e : FastjsonStyleJson.readLongMap(o.get("offsetTable")).entrySet()) {
                w.offsetTable.put(e.getKey(), new AtomicLong(e.getValue()));
            }
        }
        return w;
    }
}
