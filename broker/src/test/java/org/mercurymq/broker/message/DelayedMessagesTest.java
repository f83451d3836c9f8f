package org.mercurymq.broker.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.store.MessageExtBrokerInner;

class DelayedMessagesTest {
    private static MessageExtBrokerInner message(String properties) {
        MessageExtBrokerInner m = new MessageExtBrokerInner();
        m.setTopic("T");
        m.setQueueId(3);
        InnerMessages.setProperties(m, properties);
        return m;
    }

    @Test
    void aDelayLevelMovesTheMessageToTheScheduleTopic() {
        MessageExtBrokerInner m = message("DELAY\u00013\u0002TAGS\u0001TagA");
        assertEquals(3, DelayedMessages.rewriteIfDelayed(m, 18));
        assertEquals("SCHEDULE_TOPIC_XXXX", m.getTopic());
        assertEquals(2, m.getQueueId());
        assertEquals("T", m.getProperty(MessageConst.PROPERTY_REAL_TOPIC));
        assertEquals("3", m.getProperty(MessageConst.PROPERTY_REAL_QUEUE_ID));

        MessageExtBrokerInner high = message("DELAY\u000199");
        assertEquals(18, DelayedMessages.rewriteIfDelayed(high, 18), "clamped to the highest level");
        assertEquals(17, high.getQueueId());
        assertEquals("18", high.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL));

        MessageExtBrokerInner none = message("TAGS\u0001TagA");
        assertEquals(0, DelayedMessages.rewriteIfDelayed(none, 18));
        assertEquals("T", none.getTopic());

        MessageExtBrokerInner prepared = message("DELAY\u00012");
        prepared.setSysFlag(MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        assertEquals(0, DelayedMessages.rewriteIfDelayed(prepared, 18));
    }

    @Test
    void sealAddsClusterAndLeavesWaitOutOfTheStoredProperties() {
        MessageExtBrokerInner m = message("WAIT\u0001false\u0002TAGS\u0001TagA\u0002KEYS\u0001k1");
        InnerMessages.seal(m, "DefaultCluster");
        java.util.Map<String, String> stored = MessageDecoder.string2messageProperties(m.getPropertiesString());
        assertEquals("DefaultCluster", stored.get(MessageConst.PROPERTY_CLUSTER));
        assertNull(stored.get(MessageConst.PROPERTY_WAIT_STORE_MSG_OK));
        assertEquals("k1", stored.get(MessageConst.PROPERTY_KEYS));
        assertFalse(m.isWaitStoreMsgOK(), "the store still sees the producer's WAIT");
        assertEquals("TagA".hashCode(), m.getTagsCode());
        assertTrue(m.getPropertiesString().indexOf("WAIT") < 0);
    }
}
