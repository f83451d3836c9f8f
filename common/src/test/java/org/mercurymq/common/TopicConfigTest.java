package org.mercurymq.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import org.junit.jupiter.api.Test;

class TopicConfigTest {
    @Test
    void defaultsMatchRocketMq() {
        TopicConfig c = new TopicConfig("T");
        assertEquals(16, c.getReadQueueNums());
        assertEquals(16, c.getWriteQueueNums());
        assertEquals(6, c.getPerm());
        assertEquals(TopicFilterType.SINGLE_TAG, c.getTopicFilterType());
        assertEquals(0, c.getTopicSysFlag());
        assertFalse(c.isOrder());
    }

    @Test
    void jsonShapeIsTopicsJsonShape() {
        TopicConfig c = new TopicConfig("T", 4, 4, 6);
        assertEquals("{\"order\":false,\"perm\":6,\"readQueueNums\":4,\"topicFilterType\":\"SINGLE_TAG\","
            + "\"topicName\":\"T\",\"topicSysFlag\":0,\"writeQueueNums\":4}",
            JSON.toJSONString(c, JSONWriter.Feature.MapSortField));
    }

    @Test
    void jsonRoundTripAcceptsStringsAndOrdinals() {
        TopicConfig c = new TopicConfig("T", 8, 4, 7, TopicFilterType.MULTI_TAG, 3, true);
        assertEquals(c, JSON.parseObject(JSON.toJSONString(c), TopicConfig.class));
        TopicConfig loose = JSON.parseObject(
            "{\"topicName\":\"T\",\"readQueueNums\":\"8\",\"writeQueueNums\":4,\"perm\":7,\"topicFilterType\":1,"
                + "\"topicSysFlag\":3,\"order\":true,\"extra\":1}", TopicConfig.class);
        assertEquals(c, loose);
    }

    @Test
    void textFormRoundTripDropsSysFlagAndOrder() {
        TopicConfig c = new TopicConfig("T", 8, 4, 7, TopicFilterType.MULTI_TAG, 3, true);
        assertEquals("T 8 4 7 MULTI_TAG", c.encode());
        assertEquals(new TopicConfig("T", 8, 4, 7, TopicFilterType.MULTI_TAG, 0, false), TopicConfig.decode(c.encode()));
    }

    @Test
    void badTextFormIsRejectedWithMessage() {
        assertThrows(IllegalArgumentException.class, () -> TopicConfig.decode("T 8 4"));
        assertThrows(IllegalArgumentException.class, () -> TopicConfig.decode("T x 4 6 SINGLE_TAG"));
        assertThrows(IllegalArgumentException.class, () -> TopicConfig.decode("T 1 4 6 NO_SUCH"));
    }

    @Test
    void withersCopy() {
        TopicConfig c = new TopicConfig("T");
        assertEquals(2, c.withPerm(2).getPerm());
        assertEquals(6, c.getPerm());
        assertEquals(3, c.withQueueNums(3, 5).getReadQueueNums());
    }
}
