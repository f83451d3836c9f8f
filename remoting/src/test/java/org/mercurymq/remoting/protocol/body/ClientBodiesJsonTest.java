package org.mercurymq.remoting.protocol.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** Bodies keyed by MessageQueue in the official form, and the lock bodies (docs/protocol/headers.md §4.2, §8, §9). */
class ClientBodiesJsonTest {
    private final MessageQueue q0 = new MessageQueue("T", "b", 0);
    private final MessageQueue q1 = new MessageQueue("T", "b", 1);

    @Test
    void resetOffsetBodyAcceptsObjectKeysStringKeysAndTheCppList() {
        String objectKeys = "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:5,"
            + "{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"}:7}}";
        String stringKeys = "{\"offsetTable\":{\"{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"T\\\"}\":5,"
            + "\"{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":1,\\\"topic\\\":\\\"T\\\"}\":7}}";
        String cpp = "{\"offsetTable\":[{\"brokerName\":\"b\",\"offset\":5,\"queueId\":0,\"topic\":\"T\"},"
            + "{\"brokerName\":\"b\",\"offset\":7,\"queueId\":1,\"topic\":\"T\"}]}";
        Map<MessageQueue, Long> expected = new TreeMap<>();
        expected.put(q0, 5L);
        expected.put(q1, 7L);
        for (String json : new String[] {objectKeys, stringKeys, cpp}) {
            assertEquals(expected, ResetOffsetBody.decode(json.getBytes(StandardCharsets.UTF_8)).getOffsetTable(), json);
        }
        assertEquals(objectKeys, new String(new ResetOffsetBody(expected).encode(), StandardCharsets.UTF_8));
    }

    @Test
    void resetOffsetBodyWritesTheCppListInQueueOrder() {
        Map<MessageQueue, Long> table = new HashMap<>();
        table.put(q1, 7L);
        table.put(q0, 5L);
        String cpp = new String(new ResetOffsetBody(table).encodeForCpp(), StandardCharsets.UTF_8);
        assertEquals("{\"offsetTable\":[{\"brokerName\":\"b\",\"offset\":5,\"queueId\":0,\"topic\":\"T\"},"
            + "{\"brokerName\":\"b\",\"offset\":7,\"queueId\":1,\"topic\":\"T\"}]}", cpp);
        assertEquals(table, ResetOffsetBody.decode(cpp.getBytes(StandardCharsets.UTF_8)).getOffsetTable());
        assertEquals("{\"offsetTable\":[]}", new String(new ResetOffsetBody().encodeForCpp(), StandardCharsets.UTF_8));
    }

    @Test
    void consumerStatusBodyUsesObjectKeys() {
        Map<MessageQueue, Long> offsets = new TreeMap<>();
        offsets.put(q1, 3L);
        assertEquals("{\"consumerTable\":{},\"messageQueueTable\":{{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"}:3}}",
            new String(new GetConsumerStatusBody(offsets).encode(), StandardCharsets.UTF_8));
    }

    @Test
    void lockBodiesHaveTheWireKeys() {
        LockBatchRequestBody req = new LockBatchRequestBody();
        req.setClientId("c1");
        req.setConsumerGroup("g");
        req.getMqSet().add(q0);
        assertEquals("{\"clientId\":\"c1\",\"consumerGroup\":\"g\",\"mqSet\":[{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}]}",
            req.toJson());
        LockBatchResponseBody resp = RemotingSerializable.decode(
            "{\"lockOKMQSet\":[{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"}]}".getBytes(StandardCharsets.UTF_8),
            LockBatchResponseBody.class);
        assertTrue(resp.getLockOKMQSet().contains(q1));
        GetConsumerListByGroupResponseBody ids = RemotingSerializable.decode(
            "{\"consumerIdList\":[\"a@1\",\"b@2\"]}".getBytes(StandardCharsets.UTF_8), GetConsumerListByGroupResponseBody.class);
        assertEquals(2, ids.getConsumerIdList().size());
    }

    @Test
    void runningInfoEncodesQueueTableAndProperties() {
        ConsumerRunningInfo info = new ConsumerRunningInfo();
        info.getProperties().put(ConsumerRunningInfo.PROP_CONSUME_TYPE, "CONSUME_PASSIVELY");
        ProcessQueueInfo pqi = new ProcessQueueInfo();
        pqi.setCommitOffset(9);
        info.getMqTable().put(q0, pqi);
        String json = new String(info.encode(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"mqTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:{"), json);
        assertTrue(json.contains("\"commitOffset\":9"), json);
        assertTrue(json.contains("\"PROP_CONSUME_TYPE\":\"CONSUME_PASSIVELY\""), json);
        JSONObject table = FastjsonStyleJson.parse(json).getJSONObject("mqTable");
        assertEquals(9L, ((JSONObject) table.values().iterator().next()).getLongValue("commitOffset"));
    }
}
