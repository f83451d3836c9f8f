package org.mercurymq.broker.filter.sql;

import java.util.Map;

/** {@code NOT x}: unknown stays unknown. */
final class Not implements Expression {
    private final Expression operand;

    Not(Expression operand) {
        this.operand = operand;
    }

    @Override
    public Object evaluate(Map<String, String> properties) throws SqlEvaluationException {
        Object v = operand.evaluate(properties);
        return v == null ? null : Boolean.valueOf(!(Boolean) v);
    }

    @Override
    public boolean isBoolean() {
        return true;
    }

    @Override
    public String toString() {
        return "NOT " + operand;
    }
}
