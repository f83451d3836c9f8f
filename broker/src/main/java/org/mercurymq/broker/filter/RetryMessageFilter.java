package org.mercurymq.broker.filter;

import java.nio.ByteBuffer;
import java.util.Map;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.store.MessageFilter;

/**
 * {@code filterSupportRetry=true}: a message of {@code %RETRY%<group>} is filtered with the group's registered
 * SQL92 filter of the message's original topic (property {@code RETRY_TOPIC}); it passes when that topic has
 * none. Thread-safe.
 */
public final class RetryMessageFilter implements MessageFilter {
    private final String group;
    private final ConsumerFilterManager filters;
    private final FilterErrorLog errors;

    public RetryMessageFilter(String group, ConsumerFilterManager filters, FilterErrorLog errors) {
        this.group = group;
        this.filters = filters;
        this.errors = errors;
    }

    @Override
    public boolean isMatchedByConsumeQueue(long tagsCode) {
        return true;
    }

    @Override
    public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
        Map<String, String> props = properties;
        if (props == null && msgBuffer != null) {
            props = MessageDecoder.decodeProperties(msgBuffer.duplicate());
        }
        String realTopic = props == null ? null : props.get(MessageConst.PROPERTY_RETRY_TOPIC);
        ConsumerFilterData data = realTopic == null ? null : filters.get(realTopic, group);
        if (data == null) {
            return true;
        }
        return SqlMessageFilter.matches(group, realTopic, data.selector(), props, errors);
    }
}
