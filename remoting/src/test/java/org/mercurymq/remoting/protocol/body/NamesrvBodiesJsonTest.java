package org.mercurymq.remoting.protocol.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.TopicFilterType;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.route.BrokerData;

class NamesrvBodiesJsonTest {
    /** docs/protocol/headers.md §6.3. */
    static final String CLUSTER_INFO = "{\"brokerAddrTable\":{\"broker-a\":{\"brokerAddrs\":{0:\"127.0.0.1:10911\"},"
        + "\"brokerName\":\"broker-a\",\"cluster\":\"DefaultCluster\"}},\"clusterAddrTable\":{\"DefaultCluster\":[\"broker-a\"]}}";

    @Test
    void clusterInfoIsByteExactAndReadsQuotedKeysToo() {
        ClusterInfo info = new ClusterInfo(
            Collections.singletonMap("broker-a", new BrokerData("DefaultCluster", "broker-a",
                Collections.singletonMap(0L, "127.0.0.1:10911"))),
            Collections.singletonMap("DefaultCluster", Collections.singleton("broker-a")));
        assertEquals(CLUSTER_INFO, info.toJson());
        ClusterInfo back = RemotingSerializable.fromJson(CLUSTER_INFO.replace("{0:", "{\"0\":"), ClusterInfo.class);
        assertEquals("127.0.0.1:10911", back.getBrokerAddrTable().get("broker-a").getBrokerAddrs().get(0L));
        assertEquals(Collections.singleton("broker-a"), back.getClusterAddrTable().get("DefaultCluster"));
        assertEquals(CLUSTER_INFO, RemotingSerializable.fromJson(CLUSTER_INFO, ClusterInfo.class).toJson());
    }

    @Test
    void topicListShape() {
        assertEquals("{\"topicList\":[\"A\",\"B\"]}", new TopicList(Arrays.asList("B", "A")).toJson());
        assertEquals("{\"brokerAddr\":\"1.2.3.4:10911\",\"topicList\":[\"C\"]}",
            new TopicList(Collections.singleton("C"), "1.2.3.4:10911").toJson());
        TopicList back = RemotingSerializable.fromJson("{\"topicList\":[\"x\"],\"brokerAddr\":\"a:1\"}", TopicList.class);
        assertEquals("a:1", back.getBrokerAddr());
        assertEquals(Collections.singleton("x"), back.getTopicList());
    }

    @Test
    void kvTableShape() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("b", "2");
        m.put("a", "1");
        assertEquals("{\"table\":{\"a\":\"1\",\"b\":\"2\"}}", new KVTable(m).toJson());
        assertEquals(m, RemotingSerializable.fromJson("{\"table\":{\"b\":\"2\",\"a\":\"1\"}}", KVTable.class).getTable());
    }

    static RegisterBrokerBody sampleBody() {
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        topics.put("T1", new TopicConfig("T1", 4, 4, 6));
        topics.put("TBW102", new TopicConfig("TBW102", 8, 8, 7, TopicFilterType.SINGLE_TAG, 0, false));
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(topics, new DataVersion(1700000000000L, 3)),
            Collections.singletonList("10.0.0.1:1"));
    }

    @Test
    void registerBodyJsonShape() {
        String json = new String(sampleBody().encode(false), StandardCharsets.UTF_8);
        assertEquals("{\"filterServerList\":[\"10.0.0.1:1\"],\"topicConfigSerializeWrapper\":{\"dataVersion\":"
            + "{\"counter\":3,\"timestamp\":1700000000000},\"topicConfigTable\":{\"T1\":{\"order\":false,\"perm\":6,"
            + "\"readQueueNums\":4,\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"T1\",\"topicSysFlag\":0,"
            + "\"writeQueueNums\":4},\"TBW102\":{\"order\":false,\"perm\":7,\"readQueueNums\":8,\"topicFilterType\":"
            + "\"SINGLE_TAG\",\"topicName\":\"TBW102\",\"topicSysFlag\":0,\"writeQueueNums\":8}}}}", json);
        RegisterBrokerBody back = RegisterBrokerBody.decode(json.getBytes(StandardCharsets.UTF_8), false);
        assertEquals(sampleBody().getTopicConfigSerializeWrapper().getTopicConfigTable(),
            back.getTopicConfigSerializeWrapper().getTopicConfigTable());
        assertEquals(new DataVersion(1700000000000L, 3), back.getTopicConfigSerializeWrapper().getDataVersion());
        assertEquals(Collections.singletonList("10.0.0.1:1"), back.getFilterServerList());
    }

    @Test
    void compressedFormLayoutAndRoundTrip() throws Exception {
        byte[] zipped = sampleBody().encode(true);
        assertEquals(0x78, zipped[0] & 0xFF, "zlib header");
        assertEquals(0xDA, zipped[1] & 0xFF, "zlib header of level 9");
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(zipped))) {
            byte[] buf = new byte[256];
            for (int n; (n = in.read(buf)) > 0; ) {
                plain.write(buf, 0, n);
            }
        }
        ByteBuffer b = ByteBuffer.wrap(plain.toByteArray());
        byte[] v = new byte[b.getInt()];
        b.get(v);
        assertEquals("{\"counter\":3,\"timestamp\":1700000000000}", new String(v, StandardCharsets.UTF_8));
        assertEquals(2, b.getInt());
        byte[] t = new byte[b.getInt()];
        b.get(t);
        assertEquals("T1 4 4 6 SINGLE_TAG", new String(t, StandardCharsets.UTF_8));

        RegisterBrokerBody back = RegisterBrokerBody.decode(zipped, true);
        assertEquals(sampleBody().getTopicConfigSerializeWrapper().getTopicConfigTable(),
            back.getTopicConfigSerializeWrapper().getTopicConfigTable());
        assertEquals(Collections.singletonList("10.0.0.1:1"), back.getFilterServerList());
    }

    @Test
    void malformedBodiesGiveIllegalArgument() {
        byte[] zipped = sampleBody().encode(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RegisterBrokerBody.decode(Arrays.copyOf(zipped, zipped.length / 2), true));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegisterBrokerBody.decode("not zlib".getBytes(), true));
        assertThrows(IllegalArgumentException.class, () -> RegisterBrokerBody.decode("{nope".getBytes(), false));
        assertEquals(0, RegisterBrokerBody.decode(null, false).getTopicConfigSerializeWrapper().getTopicConfigTable().size());
    }
}
