package org.mercurymq.broker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.ManualClock;
import org.mercurymq.broker.metadata.JsonConfigFile;
import org.mercurymq.broker.metadata.TopicConfigManager;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.SendMessageRequestHeader;

/** The send checks of docs/protocol/behaviour.md §1 and §3, in order, with their codes. */
class SendMessageCheckerTest {
    @TempDir
    Path dir;

    private SendMessageChecker checker(TopicConfigManager[] out, String... kv) {
        Map<String, String> raw = new HashMap<>();
        raw.put("brokerName", "b");
        for (int i = 0; i < kv.length; i += 2) {
            raw.put(kv[i], kv[i + 1]);
        }
        BrokerConfig c = BrokerConfig.of(raw);
        TopicConfigManager topics = new TopicConfigManager(() -> c, new JsonConfigFile(dir.resolve("topics.json")),
            new ManualClock(1));
        out[0] = topics;
        return new SendMessageChecker(() -> c, topics);
    }

    private static SendMessageRequestHeader header(String topic, int queueId) {
        SendMessageRequestHeader h = new SendMessageRequestHeader();
        h.setTopic(topic);
        h.setDefaultTopic("TBW102");
        h.setDefaultTopicQueueNums(4);
        h.setQueueId(queueId);
        return h;
    }

    @Test
    void topicNamesAndReservedTopics() {
        TopicConfigManager[] t = new TopicConfigManager[1];
        SendMessageChecker checker = checker(t);
        assertEquals(ResponseCode.SYSTEM_ERROR, checker.check(header("bad topic!", 0), "c").code);
        assertEquals(ResponseCode.SYSTEM_ERROR, checker.check(header("x".repeat(128), 0), "c").code);
        SendMessageChecker.Result forbidden = checker.check(header("SCHEDULE_TOPIC_XXXX", 0), "c");
        assertEquals(ResponseCode.NO_PERMISSION, forbidden.code);
        assertEquals("Sending message to topic[SCHEDULE_TOPIC_XXXX] is forbidden.", forbidden.remark);
        assertEquals(ResponseCode.NO_PERMISSION, checker.check(header("RMQ_SYS_TRANS_HALF_TOPIC", 0), "c").code);
    }

    @Test
    void unknownTopicsAreAutoCreatedFromTbw102AndQueueIdsAreChecked() {
        TopicConfigManager[] t = new TopicConfigManager[1];
        SendMessageChecker checker = checker(t);
        SendMessageChecker.Result r = checker.check(header("Fresh", 3), "c");
        assertTrue(r.isOk());
        assertEquals(new TopicConfig("Fresh", 4, 4, 6), r.topicConfig);
        assertEquals(ResponseCode.SYSTEM_ERROR, checker.check(header("Fresh", 4), "c").code, "queueId >= queue count");
        assertTrue(checker.check(header("Fresh", -1), "c").isOk(), "negative means pick one");
    }

    @Test
    void withoutAutoCreationOnlyRetryTopicsAreCreated() {
        TopicConfigManager[] t = new TopicConfigManager[1];
        SendMessageChecker checker = checker(t, "autoCreateTopicEnable", "false");
        SendMessageChecker.Result missing = checker.check(header("Missing", 0), "c");
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, missing.code);
        assertTrue(missing.remark.startsWith("topic[Missing] not exist, apply first please!"));
        assertEquals(null, t[0].selectTopicConfig("Missing"), "nothing was created");
        SendMessageChecker.Result retry = checker.check(header("%RETRY%G", 0), "c");
        assertEquals(new TopicConfig("%RETRY%G", 1, 1, 6), retry.topicConfig);
    }

    @Test
    void aReadOnlyBrokerRefusesSends() {
        TopicConfigManager[] t = new TopicConfigManager[1];
        SendMessageChecker checker = checker(t, "brokerPermission", "4");
        assertEquals(ResponseCode.NO_PERMISSION, checker.check(header("TBW102", 0), "c").code);
    }
}
