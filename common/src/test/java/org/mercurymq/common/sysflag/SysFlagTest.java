package org.mercurymq.common.sysflag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SysFlagTest {

    @Test
    void messageFlagValues() {
        assertEquals(0x1, MessageSysFlag.COMPRESSED_FLAG);
        assertEquals(0x2, MessageSysFlag.MULTI_TAGS_FLAG);
        assertEquals(0x4, MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        assertEquals(0x8, MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertEquals(0xC, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE);
        assertEquals(0x10, MessageSysFlag.BORNHOST_V6_FLAG);
        assertEquals(0x20, MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
        assertEquals(3, MessageSysFlag.getCompressionType(769));
        assertEquals(0, MessageSysFlag.getCompressionType(1));
        assertEquals(0x8, MessageSysFlag.getTransactionValue(0x8 | 0x2));
        assertEquals(0x2 | 0x8, MessageSysFlag.resetTransactionValue(0x2 | 0x4, MessageSysFlag.TRANSACTION_COMMIT_TYPE));
        assertEquals(0x300, MessageSysFlag.clearCompressedFlag(0x301));
        assertTrue(MessageSysFlag.check(0x301, MessageSysFlag.COMPRESSED_FLAG));
    }

    @Test
    void pullFlags() {
        int f = PullSysFlag.buildSysFlag(true, true, true, false);
        assertEquals(0x7, f);
        assertTrue(PullSysFlag.hasCommitOffsetFlag(f));
        assertEquals(0x6, PullSysFlag.clearCommitOffsetFlag(f));
        assertFalse(PullSysFlag.hasClassFilterFlag(f));
        assertEquals(0x17, PullSysFlag.buildSysFlag(true, true, true, false, true));
        assertTrue(PullSysFlag.hasLitePullFlag(0x10));
        assertEquals(0x5, PullSysFlag.clearSuspendFlag(f));
    }

    @Test
    void topicAndSubscriptionFlags() {
        assertEquals(3, TopicSysFlag.buildSysFlag(true, true));
        assertFalse(TopicSysFlag.hasUnitFlag(TopicSysFlag.clearUnitFlag(3)));
        assertTrue(TopicSysFlag.hasUnitSubFlag(2));
        assertEquals(1, SubscriptionSysFlag.buildSysFlag(true));
        assertFalse(SubscriptionSysFlag.hasUnitFlag(SubscriptionSysFlag.clearUnitFlag(1)));
    }
}
