package org.mercurymq.broker.filter.sql;

import java.util.Map;

/**
 * {@code AND} / {@code OR} in three-valued logic. The left side is evaluated first and decides alone when it is
 * FALSE (AND) or TRUE (OR); otherwise the right side is evaluated, so an evaluation error there still counts.
 */
final class Logical implements Expression {
    private final boolean and;
    private final Expression left;
    private final Expression right;

    private Logical(boolean and, Expression left, Expression right) {
        this.and = and;
        this.left = left;
        this.right = right;
    }

    static Logical and(Expression left, Expression right) {
        return new Logical(true, left, right);
    }

    static Logical or(Expression left, Expression right) {
        return new Logical(false, left, right);
    }

    @Override
    public Object evaluate(Map<String, String> properties) throws SqlEvaluationException {
        // the decisive value: FALSE for AND, TRUE for OR
        Boolean decisive = and ? Boolean.FALSE : Boolean.TRUE;
        Object lv = left.evaluate(properties);
        if (decisive.equals(lv)) {
            return decisive;
        }
        Object rv = right.evaluate(properties);
        if (decisive.equals(rv)) {
            return decisive;
        }
        if (lv == null || rv == null) {
            return null;
        }
        return !decisive;
    }

    @Override
    public boolean isBoolean() {
        return true;
    }

    @Override
    public String toString() {
        return "(" + left + (and ? " AND " : " OR ") + right + ")";
    }
}
