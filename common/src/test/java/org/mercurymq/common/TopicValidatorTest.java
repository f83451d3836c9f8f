package org.mercurymq.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class TopicValidatorTest {
    @Test
    void nameRules() {
        assertNull(TopicValidator.validateTopic("Abc_1-%|x"));
        assertNotNull(TopicValidator.validateTopic(" "));
        assertNotNull(TopicValidator.validateTopic(null));
        assertNotNull(TopicValidator.validateTopic("a.b"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 127; i++) {
            sb.append('a');
        }
        assertNull(TopicValidator.validateTopic(sb.toString()));
        assertNotNull(TopicValidator.validateTopic(sb.append('a').toString()));
    }

    @Test
    void reservedSets() {
        assertTrue(TopicValidator.isSystemTopic("TBW102"));
        assertTrue(TopicValidator.isSystemTopic("rmq_sys_anything"));
        assertFalse(TopicValidator.isSystemTopic("orders"));
        assertTrue(TopicValidator.isSystemTopic("DefaultCluster", Collections.singleton("DefaultCluster")));
        assertTrue(TopicValidator.isNotAllowedSendTopic("SCHEDULE_TOPIC_XXXX"));
        assertFalse(TopicValidator.isNotAllowedSendTopic("TBW102"));
    }

    @Test
    void namingHelpers() {
        assertEquals("%RETRY%g", TopicNames.getRetryTopic("g"));
        assertEquals("%DLQ%g", TopicNames.getDLQTopic("g"));
        assertEquals("C_REPLY_TOPIC", TopicNames.getReplyTopic("C"));
        assertTrue(TopicNames.isRetryTopic("%RETRY%g"));
        assertEquals(7, GroupNames.BUILT_IN_SUBSCRIPTION_GROUPS.size());
    }

    @Test
    void versionNames() {
        assertEquals("V4_9_7", MQVersion.getVersionDesc(407));
        assertEquals("V4_9_4", MQVersion.getVersionDesc(401));
        assertEquals("V4_9_7_SNAPSHOT", MQVersion.getVersionDesc(406));
        assertEquals("V3_0_11", MQVersion.getVersionDesc(37));
        assertEquals(407, MQVersion.CURRENT_VERSION);
    }
}
