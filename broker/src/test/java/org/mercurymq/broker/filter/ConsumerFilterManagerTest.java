package org.mercurymq.broker.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.metadata.JsonConfigFile;
import org.mercurymq.common.filter.ExpressionType;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;

/** Registration by heartbeat, versions, death and the consumerFilter.json round trip. */
class ConsumerFilterManagerTest {
    private static final long CLEAN_SPAN = 86_400_000L;

    @TempDir
    Path dir;
    private final AtomicLong now = new AtomicLong(1_000_000);

    private ConsumerFilterManager manager() {
        return new ConsumerFilterManager(new JsonConfigFile(dir.resolve("config/consumerFilter.json")),
            BloomFilter.create(20, 32), now::get, () -> CLEAN_SPAN);
    }

    private static SubscriptionData sql(String topic, String expression, long version) {
        SubscriptionData sd = new SubscriptionData(topic, expression);
        sd.setExpressionType(ExpressionType.SQL92);
        sd.setSubVersion(version);
        return sd;
    }

    @Test
    void registersSqlSubscriptionsOnceAndIgnoresTagOnes() {
        ConsumerFilterManager m = manager();
        SubscriptionData tag = new SubscriptionData("T2", "*");
        m.register("G", List.of(sql("T", "a > 1", 10), tag));
        ConsumerFilterData data = m.get("T", "G");
        assertNotNull(data);
        assertEquals(10, data.clientVersion());
        assertNull(m.get("T2", "G"));
        m.register("G", List.of(sql("T", "a > 1", 10)));
        assertSame(data, m.get("T", "G"), "same version: not recompiled");
        m.register("G", List.of(sql("T", "a > 1", 11)));
        assertSame(data, m.get("T", "G"), "same expression, newer version: only the version moves");
        assertEquals(11, data.clientVersion());
        m.register("G", List.of(sql("T", "a > 2", 12)));
        assertNotSame(data, m.get("T", "G"));
        assertEquals("a > 2", m.get("T", "G").expression());
    }

    @Test
    void aNewExpressionThatDoesNotCompileRemovesTheOldOneAndKeepsTheReason() {
        ConsumerFilterManager m = manager();
        m.register("G", List.of(sql("T", "a > 1", 10)));
        m.register("G", List.of(sql("T", "a > 'x'", 11)));
        assertNull(m.get("T", "G"));
        assertTrue(m.compileError("T", "G").contains("cannot be compared"), m.compileError("T", "G"));
    }

    @Test
    void topicsNoLongerSubscribedAndGroupsWithoutMembersDieAndComeBack() {
        ConsumerFilterManager m = manager();
        m.register("G", List.of(sql("T", "a > 1", 10), sql("U", "b = 1", 10)));
        now.addAndGet(1000);
        m.register("G", List.of(sql("T", "a > 1", 10)));
        assertTrue(m.get("U", "G").isDead());
        assertFalse(m.get("T", "G").isDead());
        m.unregister("G");
        assertTrue(m.get("T", "G").isDead());
        m.register("G", List.of(sql("T", "a > 1", 10)));
        assertFalse(m.get("T", "G").isDead(), "same version and dead: revived");
    }

    @Test
    void persistsInRocketMqLayoutAndLoadsEntriesAsDeadUntilTheNextHeartbeat() throws Exception {
        ConsumerFilterManager m = manager();
        m.register("G", List.of(sql("T", "a > 1", 10)));
        m.persist();
        String text = Files.readString(dir.resolve("config/consumerFilter.json"), StandardCharsets.UTF_8);
        JSONObject entry = JSON.parseObject(text).getJSONObject("filterDataByTopic").getJSONObject("T")
            .getJSONObject("groupFilterData").getJSONObject("G");
        assertEquals("a > 1", entry.getString("expression"));
        assertEquals("SQL92", entry.getString("expressionType"));
        assertEquals(10, entry.getLongValue("clientVersion"));
        assertEquals(112, entry.getJSONObject("bloomFilterData").getIntValue("bitNum"));
        assertEquals(3, entry.getJSONObject("bloomFilterData").getJSONArray("bitPos").size());
        assertEquals("T", JSON.parseObject(text).getJSONObject("filterDataByTopic").getJSONObject("T").getString("topic"));

        now.addAndGet(60_000);
        ConsumerFilterManager reloaded = manager();
        reloaded.load();
        ConsumerFilterData data = reloaded.get("T", "G");
        assertNotNull(data);
        assertTrue(data.isDead());
        assertEquals(true, data.selector().evaluate(java.util.Map.of("a", "2")));
        reloaded.register("G", List.of(sql("T", "a > 1", 10)));
        assertFalse(reloaded.get("T", "G").isDead());
    }

    @Test
    void longDeadEntriesAreDroppedOnWrite() throws Exception {
        ConsumerFilterManager m = manager();
        m.register("G", List.of(sql("T", "a > 1", 10)));
        now.addAndGet(1);
        m.unregister("G");
        now.addAndGet(CLEAN_SPAN);
        m.persist();
        assertNull(m.get("T", "G"));
        String text = Files.readString(dir.resolve("config/consumerFilter.json"), StandardCharsets.UTF_8);
        assertTrue(JSON.parseObject(text).getJSONObject("filterDataByTopic").isEmpty(), text);
    }

    @Test
    void aFileWithOtherBloomParametersIsIgnored() throws Exception {
        ConsumerFilterManager m = manager();
        m.register("G", List.of(sql("T", "a > 1", 10)));
        m.persist();
        ConsumerFilterManager other = new ConsumerFilterManager(new JsonConfigFile(dir.resolve("config/consumerFilter.json")),
            BloomFilter.create(10, 32), now::get, () -> CLEAN_SPAN);
        other.load();
        assertNull(other.get("T", "G"));
    }
}
