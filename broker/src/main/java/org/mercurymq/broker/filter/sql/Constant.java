package org.mercurymq.broker.filter.sql;

import java.util.Map;

/** A literal: string, Integer, Long, Double, or (as a boolean node) TRUE, FALSE and NULL. */
final class Constant implements Expression {
    static final Constant NULL = new Constant(null, true);
    static final Constant TRUE = new Constant(Boolean.TRUE, true);
    static final Constant FALSE = new Constant(Boolean.FALSE, true);

    private final Object value;
    private final boolean booleanConstant;

    private Constant(Object value, boolean booleanConstant) {
        this.value = value;
        this.booleanConstant = booleanConstant;
    }

    static Constant of(Object value) {
        return new Constant(value, false);
    }

    Object value() {
        return value;
    }

    @Override
    public Object evaluate(Map<String, String> properties) {
        return value;
    }

    @Override
    public boolean isBoolean() {
        return booleanConstant;
    }

    @Override
    public String toString() {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "TRUE" : "FALSE";
        }
        if (value instanceof String) {
            return "'" + ((String) value).replace("'", "''") + "'";
        }
        return value.toString();
    }
}
