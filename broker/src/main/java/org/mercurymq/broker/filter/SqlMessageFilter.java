package org.mercurymq.broker.filter;

import java.nio.ByteBuffer;
import java.util.Map;
import org.mercurymq.broker.filter.sql.SqlEvaluationException;
import org.mercurymq.broker.filter.sql.SqlSelector;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.store.MessageFilter;

/**
 * SQL92 filtering of a pull: every consume-queue entry passes the first test (Mercury builds no bit maps), the
 * second evaluates the compiled selector on the stored message's properties. Only TRUE matches; an evaluation
 * error counts as no match and is reported. Immutable and thread-safe.
 */
public final class SqlMessageFilter implements MessageFilter {
    private final String group;
    private final String topic;
    private final SqlSelector selector;
    private final FilterErrorLog errors;

    public SqlMessageFilter(String group, String topic, SqlSelector selector, FilterErrorLog errors) {
        this.group = group;
        this.topic = topic;
        this.selector = selector;
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
        return matches(group, topic, selector, props, errors);
    }

    static boolean matches(String group, String topic, SqlSelector selector, Map<String, String> props,
                           FilterErrorLog errors) {
        try {
            return selector.matches(props);
        } catch (SqlEvaluationException e) {
            errors.report(group, topic, selector.sql(), e.getMessage());
            return false;
        }
    }
}
