package org.mercurymq.remoting.protocol.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.protocol.RemotingSerializable;

class TopicRouteDataJsonTest {
    /** docs/protocol/headers.md §6.2, captured from a 4.9.7 name server answering a 4.9.7 client. */
    static final String STANDARD = "{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"127.0.0.1:10911\",\"1\":\"127.0.0.1:10921\"},"
        + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\"}],\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":"
        + "\"broker-a\",\"perm\":6,\"readQueueNums\":4,\"topicSysFlag\":0,\"writeQueueNums\":4}]}";
    static final String FASTJSON_DEFAULT = STANDARD.replace("\"0\":", "0:").replace("\"1\":", "1:");

    static TopicRouteData sample() {
        Map<Long, String> addrs = new HashMap<>();
        addrs.put(1L, "127.0.0.1:10921");
        addrs.put(0L, "127.0.0.1:10911");
        return new TopicRouteData(null,
            Collections.singletonList(new QueueData("broker-a", 4, 4, 6, 0)),
            Collections.singletonList(new BrokerData("DefaultCluster", "broker-a", addrs)),
            Collections.emptyMap());
    }

    @Test
    void standardFormIsByteExact() {
        assertEquals(STANDARD, new String(sample().encode(true), StandardCharsets.UTF_8));
    }

    @Test
    void fastjsonDefaultFormIsByteExact() {
        assertEquals(FASTJSON_DEFAULT, new String(sample().encode(false), StandardCharsets.UTF_8));
    }

    @Test
    void readsBothForms() {
        TopicRouteData a = RemotingSerializable.fromJson(STANDARD, TopicRouteData.class);
        TopicRouteData b = RemotingSerializable.fromJson(FASTJSON_DEFAULT, TopicRouteData.class);
        assertEquals(sample(), a);
        assertEquals(sample(), b);
        assertEquals("127.0.0.1:10911", b.getBrokerDatas().get(0).getBrokerAddrs().get(0L));
        assertNull(a.getOrderTopicConf());
    }

    @Test
    void orderTopicConfIsWrittenWhenSetAndNonAsciiEscapedOnlyInStandardForm() {
        TopicRouteData r = sample().withOrderTopicConf("broker-\u00e4:4");
        String std = new String(r.encode(true), StandardCharsets.UTF_8);
        String legacy = new String(r.encode(false), StandardCharsets.UTF_8);
        assertTrue(std.contains("\"orderTopicConf\":\"broker-\\u00E4:4\"") || std.contains("\"orderTopicConf\":\"broker-\\u00e4:4\""), std);
        assertTrue(legacy.contains("\"orderTopicConf\":\"broker-\u00e4:4\""), legacy);
        assertEquals(r, RemotingSerializable.fromJson(std, TopicRouteData.class));
    }

    @Test
    void selectBrokerAddrPrefersMasterElseAnySlave() {
        BrokerData bd = sample().getBrokerDatas().get(0);
        assertEquals("127.0.0.1:10911", bd.selectBrokerAddr());
        assertEquals("127.0.0.1:10921", bd.withoutId(0).selectBrokerAddr());
        assertNull(new BrokerData("c", "b", null).selectBrokerAddr());
        assertEquals(Arrays.asList(0L), new java.util.ArrayList<>(bd.withoutAddr("127.0.0.1:10921").getBrokerAddrs().keySet()));
    }
}
