package org.mercurymq.broker.filter;

import java.nio.ByteBuffer;
import java.util.Map;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.store.MessageFilter;

/**
 * Tag filtering for pulls (docs/protocol/message-format.md §8): the consume-queue test compares the entry's tags code
 * (String.hashCode of TAGS) with the subscription's code set; the commit-log test then re-checks the
 * exact tag string so hash collisions never reach the consumer. {@code *} matches everything.
 * Immutable and thread-safe.
 */
public final class TagMessageFilter implements MessageFilter {
    private final SubscriptionData subscription;

    public TagMessageFilter(SubscriptionData subscription) {
        this.subscription = subscription;
    }

    private boolean matchesAll() {
        return subscription == null || subscription.matchesAllTags();
    }

    @Override
    public boolean isMatchedByConsumeQueue(long tagsCode) {
        return matchesAll() || subscription.getCodeSet().contains((int) tagsCode);
    }

    @Override
    public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
        if (matchesAll()) {
            return true;
        }
        Map<String, String> props = properties;
        if (props == null && msgBuffer != null) {
            props = MessageDecoder.decodeProperties(msgBuffer.duplicate());
        }
        String tag = props == null ? null : props.get(MessageConst.PROPERTY_TAGS);
        return tag != null && subscription.getTagsSet().contains(tag);
    }
}
