package org.mercurymq.broker.filter.sql;

import java.util.Map;

/** A compiled SQL92 selector: compile once, evaluate per message. Immutable and thread-safe. */
public final class SqlSelector {
    private final String sql;
    private final Expression expression;
    private final String ignoredTail;

    SqlSelector(String sql, Expression expression, String ignoredTail) {
        this.sql = sql;
        this.expression = expression;
        this.ignoredTail = ignoredTail;
    }

    /** TRUE, FALSE or null (unknown) for a message with these properties; throws when RocketMQ would fail. */
    public Boolean evaluate(Map<String, String> properties) throws SqlEvaluationException {
        return (Boolean) expression.evaluate(properties);
    }

    /** True only when the selector is TRUE for these properties (unknown and errors do not match). */
    public boolean matches(Map<String, String> properties) throws SqlEvaluationException {
        return Boolean.TRUE.equals(expression.evaluate(properties));
    }

    public String sql() {
        return sql;
    }

    /** Text after the compiled expression that was ignored (as RocketMQ 4.9.7 ignores it), or null. */
    public String ignoredTail() {
        return ignoredTail;
    }

    @Override
    public String toString() {
        return expression.toString();
    }
}
