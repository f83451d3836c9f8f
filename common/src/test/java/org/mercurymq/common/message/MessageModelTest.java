package org.mercurymq.common.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Calendar;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageModelTest {

    @Test
    void constructorsAndSystemProperties() {
        Message m = new Message("T", "TagA", "k1", "b".getBytes());
        assertEquals("TagA", m.getTags());
        assertEquals("k1", m.getKeys());
        assertTrue(m.isWaitStoreMsgOK());
        assertEquals("true", m.getProperty("WAIT"));
        m.setKeys(Arrays.asList("a", "b", "c"));
        assertEquals("a b c", m.getKeys());
        assertEquals(0, m.getDelayTimeLevel());
        m.setDelayTimeLevel(3);
        assertEquals(3, m.getDelayTimeLevel());
        assertEquals("3", m.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL));
        m.setWaitStoreMsgOK(false);
        assertFalse(m.isWaitStoreMsgOK());
        Message plain = new Message("T", "x".getBytes());
        assertNull(plain.getTags());
        assertNull(plain.getKeys());
    }

    @Test
    void userPropertiesRefuseReservedAndBlankNames() {
        Message m = new Message("T", "x".getBytes());
        m.putUserProperty("color", "red");
        assertEquals("red", m.getUserProperty("color"));
        assertThrows(RuntimeException.class, () -> m.putUserProperty("TAGS", "x"));
        assertThrows(IllegalArgumentException.class, () -> m.putUserProperty("a", " "));
        assertTrue(MessageConst.STRING_HASH_SET.contains("UNIQ_KEY"));
        assertTrue(MessageConst.STRING_HASH_SET.contains("CLUSTER"));
        assertEquals("REAL_QID", MessageConst.PROPERTY_REAL_QUEUE_ID);
        assertEquals("TRAN_MSG", MessageConst.PROPERTY_TRANSACTION_PREPARED);
    }

    @Test
    void messageQueueIdentityAndOrder() {
        MessageQueue a = new MessageQueue("T", "b1", 1);
        MessageQueue b = new MessageQueue("T", "b1", 1);
        MessageQueue c = new MessageQueue("T", "b2", 0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertTrue(a.compareTo(c) < 0);
        assertTrue(new MessageQueue("T", "b1", 2).compareTo(a) > 0);
        int expected = 31 * (31 * (31 + "b1".hashCode()) + 1) + "T".hashCode();
        assertEquals(expected, a.hashCode());
        assertEquals("MessageQueue [topic=T, brokerName=b1, queueId=1]", a.toString());
    }

    @Test
    void uniqIdFormat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = MessageClientIDSetter.createUniqID();
            assertEquals(MessageClientIDSetter.idLength() * 2, id.length());
            assertTrue(id.matches("[0-9A-F]+"));
            ids.add(id);
        }
        assertEquals(1000, ids.size());
        String id = MessageClientIDSetter.createUniqID();
        long diff = Math.abs(MessageClientIDSetter.getNearlyTimeFromID(id).getTime() - System.currentTimeMillis());
        assertTrue(diff < 60_000, "decoded time within a minute, was off by " + diff);

        Message m = new Message("T", "x".getBytes());
        MessageClientIDSetter.setUniqID(m);
        String first = MessageClientIDSetter.getUniqID(m);
        MessageClientIDSetter.setUniqID(m);
        assertEquals(first, MessageClientIDSetter.getUniqID(m));
    }

    @Test
    void capturedIpv6UniqIdDecodes() {
        String captured = "FD000000000000000000000000000002" + "7677" + "30946E09" + "6A05332E" + "0000";
        assertEquals(56, captured.length());
        assertEquals("fd00:0:0:0:0:0:0:2", MessageClientIDSetter.getIPStrFromID(captured));
        assertEquals(0x7677, MessageClientIDSetter.getPidFromID(captured));
        Calendar c = Calendar.getInstance();
        c.setTime(MessageClientIDSetter.getNearlyTimeFromID(captured));
        // 0x6A05332E ms = 20 days 16:xx after the start of some month
        assertEquals(21, c.get(Calendar.DAY_OF_MONTH));
    }

    @Test
    void clientExtAnswersUniqKeyAsMsgId() {
        MessageClientExt m = new MessageClientExt();
        m.setOffsetMsgId("7F00000100004DC700000000000004D2");
        assertEquals("7F00000100004DC700000000000004D2", m.getMsgId());
        MessageAccessor.putProperty(m, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "ABC");
        assertEquals("ABC", m.getMsgId());
        assertEquals("7F00000100004DC700000000000004D2", m.getOffsetMsgId());
    }
}
