package org.mercurymq.broker.filter.sql;

import java.util.Map;

/** Unary minus: negates numbers; anything else (a property is a string) gives null. */
final class Negate implements Expression {
    private final Expression operand;

    Negate(Expression operand) {
        this.operand = operand;
    }

    @Override
    public Object evaluate(Map<String, String> properties) throws SqlEvaluationException {
        Object v = operand.evaluate(properties);
        if (v instanceof Integer) {
            return -(Integer) v;
        }
        if (v instanceof Long) {
            return -(Long) v;
        }
        if (v instanceof Double) {
            return -(Double) v;
        }
        return null;
    }

    @Override
    public String toString() {
        return "(- " + operand + ")";
    }
}
