package org.mercurymq.broker.filter.sql;

import java.util.Map;

/**
 * A property used where a boolean is expected ({@code a}, {@code NOT a}, {@code a AND ...}): null when missing,
 * otherwise FALSE, since a property value is a string and never a Boolean (docs/broker.md).
 */
final class BooleanCast implements Expression {
    private final Expression operand;

    BooleanCast(Expression operand) {
        this.operand = operand;
    }

    @Override
    public Object evaluate(Map<String, String> properties) throws SqlEvaluationException {
        Object v = operand.evaluate(properties);
        if (v == null) {
            return null;
        }
        return v instanceof Boolean ? v : Boolean.FALSE;
    }

    @Override
    public boolean isBoolean() {
        return true;
    }

    @Override
    public String toString() {
        return operand.toString();
    }
}
