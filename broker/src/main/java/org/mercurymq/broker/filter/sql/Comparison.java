package org.mercurymq.broker.filter.sql;

import java.util.Map;

/**
 * {@code =}, {@code >}, {@code >=}, {@code <}, {@code <=} with RocketMQ 4.9.x's conversions (docs/broker.md):
 * when the two values have different types the left type decides — a property (string) is parsed as the number
 * or boolean it is compared with, an Integer widens to Long/Double, a Long to Double, and a number compared with a
 * Boolean counts as "less". A string that does not parse is an evaluation error. Two strings are compared with
 * {@code =} as strings and with the ordering operators as doubles. {@code <>} is {@code NOT =}; {@code IS NULL}
 * is {@code = NULL}, which is TRUE when both sides are null.
 */
final class Comparison implements Expression {
    enum Op {
        EQ("="), GT(">"), GE(">="), LT("<"), LE("<=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int cmp) {
            switch (this) {
                case EQ:
                    return cmp == 0;
                case GT:
                    return cmp > 0;
                case GE:
                    return cmp >= 0;
                case LT:
                    return cmp < 0;
                default:
                    return cmp <= 0;
            }
        }
    }

    private final Op op;
    private final Expression left;
    private final Expression right;

    Comparison(Op op, Expression left, Expression right) {
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public Object evaluate(Map<String, String> properties) throws SqlEvaluationException {
        Object lv = left.evaluate(properties);
        Object rv = right.evaluate(properties);
        if (op == Op.EQ) {
            if (lv == null || rv == null) {
                // left unknown → unknown; only the right one unknown → FALSE; both → TRUE (IS NULL)
                return lv == null ? (rv == null ? Boolean.TRUE : null) : Boolean.FALSE;
            }
            if (lv.equals(rv)) {
                return Boolean.TRUE;
            }
            return compare(lv, rv);
        }
        if (lv == null || rv == null) {
            return null;
        }
        if (lv instanceof String && rv instanceof String) {
            Double l = toDouble((String) lv, lv, rv);
            Double r = toDouble((String) rv, lv, rv);
            return op.holds(l.compareTo(r));
        }
        return compare(lv, rv);
    }

    private Double toDouble(String s, Object lv, Object rv) throws SqlEvaluationException {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            throw new SqlEvaluationException("It's illegal to compare string by '>=', '>', '<', '<='. lv=" + lv
                + ", rv=" + rv);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Boolean compare(Object lv, Object rv) throws SqlEvaluationException {
        Class<?> lc = lv.getClass();
        Class<?> rc = rv.getClass();
        if (lc != rc) {
            if (lc == String.class) {
                lv = parse((String) lv, rc);
            } else if (lc == Integer.class) {
                if (rc == Long.class) {
                    lv = ((Integer) lv).longValue();
                } else if (rc == Double.class) {
                    lv = ((Integer) lv).doubleValue();
                } else if (rc == String.class) {
                    rv = parse((String) rv, Integer.class);
                } else {
                    return op.holds(-1);
                }
            } else if (lc == Long.class) {
                if (rc == Integer.class) {
                    rv = ((Integer) rv).longValue();
                } else if (rc == Double.class) {
                    lv = ((Long) lv).doubleValue();
                } else if (rc == String.class) {
                    rv = parse((String) rv, Long.class);
                } else {
                    return op.holds(-1);
                }
            } else if (lc == Double.class) {
                if (rc == Integer.class || rc == Long.class) {
                    rv = ((Number) rv).doubleValue();
                } else if (rc == String.class) {
                    rv = parse((String) rv, Double.class);
                } else {
                    return op.holds(-1);
                }
            } else if (rc == String.class) {
                // Boolean compared with a string: RocketMQ fails here (a cast error), so the message does not match
                throw new SqlEvaluationException("cannot compare boolean " + lv + " with string '" + rv + "'");
            } else {
                return op.holds(-1);
            }
        }
        return op.holds(((Comparable) lv).compareTo(rv));
    }

    private static Object parse(String s, Class<?> as) throws SqlEvaluationException {
        try {
            if (as == Integer.class) {
                return Integer.valueOf(s);
            }
            if (as == Long.class) {
                return Long.valueOf(s);
            }
            if (as == Double.class) {
                return Double.valueOf(s);
            }
            return Boolean.valueOf(s);
        } catch (NumberFormatException e) {
            throw new SqlEvaluationException("'" + s + "' is not a valid " + as.getSimpleName());
        }
    }

    @Override
    public boolean isBoolean() {
        return true;
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol + " " + right + ")";
    }
}
