package org.mercurymq.remoting.protocol.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.protocol.LanguageCode;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** The broker-side bodies in the exact shape the official 4.9.x tools write and parse (docs/protocol/headers.md §7–§9). */
class BrokerBodiesJsonTest {
    private static final MessageQueue Q0 = new MessageQueue("T", "b", 0);
    private static final MessageQueue Q1 = new MessageQueue("T", "b", 1);

    @Test
    void messageQueueKeysAreWrittenAsJsonObjectsInQueueOrder() {
        Map<MessageQueue, Long> map = new HashMap<MessageQueue, Long>();
        map.put(Q1, 7L);
        map.put(Q0, 5L);
        assertEquals("{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:5,"
            + "{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"}:7}", FastjsonStyleJson.messageQueueMap(map));
        assertEquals("{\"queueId\":3,\"topic\":\"a\\\"b\"}", FastjsonStyleJson.messageQueue(new MessageQueue("a\"b", null, 3)));
    }

    @Test
    void resetOffsetBodyIsByteExactAndReadsBack() {
        ResetOffsetBody body = new ResetOffsetBody();
        body.getOffsetTable().put(Q0, 5L);
        String json = "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:5}}";
        assertEquals(json, new String(body.encode(), StandardCharsets.UTF_8));
        ResetOffsetBody back = RemotingSerializable.fromJson(json, ResetOffsetBody.class);
        assertEquals(Long.valueOf(5), back.getOffsetTable().get(Q0));
    }

    @Test
    void consumeStatsIsByteExactAndReadsBack() {
        ConsumeStats stats = new ConsumeStats();
        OffsetWrapper w = new OffsetWrapper();
        w.setBrokerOffset(10);
        w.setConsumerOffset(4);
        w.setLastTimestamp(1700000000000L);
        stats.getOffsetTable().put(Q0, w);
        stats.setConsumeTps(1.5);
        String json = "{\"consumeTps\":1.5,\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:"
            + "{\"brokerOffset\":10,\"consumerOffset\":4,\"lastTimestamp\":1700000000000}}}";
        assertEquals(json, stats.toJson());
        ConsumeStats back = RemotingSerializable.decode(stats.encode(), ConsumeStats.class);
        assertEquals(4, back.getOffsetTable().get(Q0).getConsumerOffset());
        assertEquals(6, back.computeTotalDiff());
    }

    @Test
    void topicStatsTableIsByteExact() {
        TopicStatsTable table = new TopicStatsTable();
        TopicOffset o = new TopicOffset();
        o.setMinOffset(1);
        o.setMaxOffset(9);
        table.getOffsetTable().put(Q1, o);
        assertEquals("{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":1,\"topic\":\"T\"}:"
            + "{\"lastUpdateTimestamp\":0,\"maxOffset\":9,\"minOffset\":1}}}", table.toJson());
        assertEquals(9, RemotingSerializable.decode(table.encode(), TopicStatsTable.class).getOffsetTable().get(Q1).getMaxOffset());
    }

    @Test
    void consumerStatusBodyNestsQueueMapsPerClient() {
        GetConsumerStatusBody body = new GetConsumerStatusBody();
        body.getMessageQueueTable().put(Q0, 3L);
        body.getConsumerTable().put("c1", Collections.singletonMap(Q0, 2L));
        assertEquals("{\"consumerTable\":{\"c1\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:2}},"
            + "\"messageQueueTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}:3}}", body.toJson());
        GetConsumerStatusBody back = RemotingSerializable.decode(body.encode(), GetConsumerStatusBody.class);
        assertEquals(Long.valueOf(2), back.getConsumerTable().get("c1").get(Q0));
    }

    @Test
    void consumerOffsetWrapperWritesUnquotedQueueIds() {
        ConsumerOffsetSerializeWrapper w = new ConsumerOffsetSerializeWrapper();
        ConcurrentMap<Integer, Long> queues = new ConcurrentHashMap<Integer, Long>();
        queues.put(0, 12L);
        queues.put(1, 5L);
        w.getOffsetTable().put("T@G", queues);
        String json = "{\"offsetTable\":{\"T@G\":{0:12,1:5}}}";
        assertEquals(json, w.toJson());
        ConsumerOffsetSerializeWrapper quoted = RemotingSerializable.fromJson(json.replace("{0:", "{\"0\":")
            .replace(",1:", ",\"1\":"), ConsumerOffsetSerializeWrapper.class);
        assertEquals(Long.valueOf(5), quoted.getOffsetTable().get("T@G").get(1));
        assertEquals(Long.valueOf(12), RemotingSerializable.fromJson(json, ConsumerOffsetSerializeWrapper.class)
            .getOffsetTable().get("T@G").get(0));
    }

    @Test
    void subscriptionGroupWrapperHasTheFileShape() {
        SubscriptionGroupWrapper w = new SubscriptionGroupWrapper();
        w.getSubscriptionGroupTable().put("G", new SubscriptionGroupConfig("G"));
        w.setDataVersion(new DataVersion(1700000000000L, 3));
        String json = "{\"dataVersion\":{\"counter\":3,\"timestamp\":1700000000000},\"subscriptionGroupTable\":{\"G\":"
            + "{\"brokerId\":0,\"consumeBroadcastEnable\":true,\"consumeEnable\":true,\"consumeFromMinEnable\":true,"
            + "\"groupName\":\"G\",\"notifyConsumerIdsChangedEnable\":true,\"retryMaxTimes\":16,\"retryQueueNums\":1,"
            + "\"whichBrokerWhenConsumeSlowly\":1}}}";
        assertEquals(json, w.toJson());
        SubscriptionGroupWrapper back = RemotingSerializable.fromJson(json, SubscriptionGroupWrapper.class);
        assertEquals(3, back.getDataVersion().getCounter());
        assertEquals(16, back.getSubscriptionGroupTable().get("G").getRetryMaxTimes());
    }

    @Test
    void lockBodiesAndConnectionsUseTheWireNames() {
        LockBatchRequestBody req = new LockBatchRequestBody();
        req.setClientId("c");
        req.setConsumerGroup("G");
        req.getMqSet().add(Q0);
        assertEquals("{\"clientId\":\"c\",\"consumerGroup\":\"G\",\"mqSet\":[{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"T\"}]}",
            req.toJson());
        LockBatchResponseBody resp = RemotingSerializable.fromJson("{\"lockOKMQSet\":[{\"brokerName\":\"b\",\"queueId\":0,"
            + "\"topic\":\"T\"}]}", LockBatchResponseBody.class);
        assertTrue(resp.getLockOKMQSet().contains(Q0));
        Connection c = new Connection();
        c.setClientId("id");
        c.setClientAddr("127.0.0.1:1");
        c.setLanguage(LanguageCode.JAVA);
        c.setVersion(407);
        assertEquals("{\"clientAddr\":\"127.0.0.1:1\",\"clientId\":\"id\",\"language\":\"JAVA\",\"version\":407}", 
            RemotingSerializable.toJson(c));
    }
}
