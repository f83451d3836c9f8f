package org.mercurymq.client.consumer;

import org.mercurymq.common.filter.ExpressionType;

/** A subscription expression and its type (TAG or SQL92). Immutable. */
public class MessageSelector {
    private final String type;
    private final String expression;

    private MessageSelector(String type, String expression) {
        this.type = type;
        this.expression = expression;
    }

    /** SQL92 selection over message properties (needs a broker with {@code enablePropertyFilter}). */
    public static MessageSelector bySql(String sql) {
        return new MessageSelector(ExpressionType.SQL92, sql);
    }

    /** {@code "*"}, null or {@code "TagA || TagB"}. */
    public static MessageSelector byTag(String tag) {
        return new MessageSelector(ExpressionType.TAG, tag);
    }

    public String getExpressionType() {
        return type;
    }

    public String getExpression() {
        return expression;
    }
}
