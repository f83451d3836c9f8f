package org.mercurymq.broker.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.filter.FilterAPI;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;

class TagMessageFilterTest {
    private static ByteBuffer stored(String tag) throws Exception {
        MessageExt m = new MessageExt(0, 1, new InetSocketAddress("127.0.0.1", 1), 2, new InetSocketAddress("127.0.0.1", 2), null);
        m.setTopic("T");
        m.setBody("x".getBytes());
        if (tag != null) {
            m.setTags(tag);
        }
        return ByteBuffer.wrap(MessageDecoder.encode(m, false));
    }

    @Test
    void hashFirstThenTheExactTag() throws Exception {
        TagMessageFilter filter = new TagMessageFilter(FilterAPI.buildSubscriptionData("T", "TagA || TagC"));
        assertTrue(filter.isMatchedByConsumeQueue("TagA".hashCode()));
        assertFalse(filter.isMatchedByConsumeQueue("TagB".hashCode()));
        assertFalse(filter.isMatchedByConsumeQueue(0), "untagged messages do not match a tag list");
        assertTrue(filter.isMatchedByCommitLog(stored("TagC"), null));
        // "Aa" and "BB" share String.hashCode(): the consume-queue test passes, the exact re-check does not
        TagMessageFilter collision = new TagMessageFilter(FilterAPI.buildSubscriptionData("T", "Aa"));
        assertTrue(collision.isMatchedByConsumeQueue("BB".hashCode()));
        assertFalse(collision.isMatchedByCommitLog(stored("BB"), null));
        assertTrue(collision.isMatchedByCommitLog(stored("Aa"), null));
    }

    @Test
    void starMatchesEverything() throws Exception {
        TagMessageFilter all = new TagMessageFilter(FilterAPI.buildSubscriptionData("T", "*"));
        assertTrue(all.isMatchedByConsumeQueue(12345));
        assertTrue(all.isMatchedByCommitLog(stored(null), null));
    }
}
