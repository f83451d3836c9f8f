package org.mercurymq.common.protocol.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.filter.FilterAPI;

class HeartbeatJsonTest {
    /** Captured from a 4.9.7 push consumer (docs/protocol/headers.md §4.1). */
    private static final String CAPTURED = "{\"clientID\":\"192.0.2.2@1390#904665720253\",\"consumerDataSet\":[{\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\",\"consumeType\":\"CONSUME_PASSIVELY\",\"groupName\":\"CG\",\"messageModel\":\"CLUSTERING\",\"subscriptionDataSet\":[{\"classFilterMode\":false,\"codeSet\":[],\"expressionType\":\"TAG\",\"subString\":\"*\",\"subVersion\":1795270191825,\"tagsSet\":[],\"topic\":\"%RETRY%CG\"},{\"classFilterMode\":false,\"codeSet\":[2598919,2598920],\"expressionType\":\"TAG\",\"subString\":\"TagA || TagB\",\"subVersion\":1795270191813,\"tagsSet\":[\"TagA\",\"TagB\"],\"topic\":\"TopicTest\"}],\"unitMode\":false}],\"producerDataSet\":[{\"groupName\":\"CLIENT_INNER_PRODUCER\"}]}";

    @Test
    void capturedHeartbeatParses() {
        HeartbeatData hb = JSON.parseObject(CAPTURED, HeartbeatData.class);
        assertEquals("192.0.2.2@1390#904665720253", hb.getClientID());
        ConsumerData cd = hb.getConsumerDataSet().iterator().next();
        assertEquals(ConsumeType.CONSUME_PASSIVELY, cd.getConsumeType());
        assertEquals(MessageModel.CLUSTERING, cd.getMessageModel());
        assertEquals(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, cd.getConsumeFromWhere());
        assertEquals(2, cd.getSubscriptionDataSet().size());
        SubscriptionData tagged = cd.getSubscriptionDataSet().stream().filter(s -> s.getTopic().equals("TopicTest")).findFirst().get();
        assertEquals(new HashSet<>(Arrays.asList(2598919, 2598920)), tagged.getCodeSet());
        assertEquals(1795270191813L, tagged.getSubVersion());
        assertEquals("CLIENT_INNER_PRODUCER", hb.getProducerDataSet().iterator().next().getGroupName());
    }

    @Test
    void tagExpressionsParseLikeTheOfficialClient() {
        SubscriptionData sd = FilterAPI.buildSubscriptionData("T", "TagA || TagB");
        assertEquals(new HashSet<>(Arrays.asList("TagA", "TagB")), sd.getTagsSet());
        assertEquals(new HashSet<>(Arrays.asList(2598919, 2598920)), sd.getCodeSet());
        assertTrue(FilterAPI.buildSubscriptionData("T", "*").matchesAllTags());
        assertTrue(FilterAPI.buildSubscriptionData("T", null).matchesAllTags());
        assertEquals(1, FilterAPI.buildSubscriptionData("T", " TagC ||  ").getTagsSet().size());
        assertThrows(IllegalArgumentException.class, () -> FilterAPI.buildSubscriptionData("T", "||"));
    }

    @Test
    void equalityIgnoresSubVersion() {
        SubscriptionData a = FilterAPI.buildSubscriptionData("T", "TagA");
        SubscriptionData b = FilterAPI.buildSubscriptionData("T", "TagA");
        b.setSubVersion(a.getSubVersion() + 1000);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }
}
