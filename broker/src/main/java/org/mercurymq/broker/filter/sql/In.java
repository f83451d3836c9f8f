package org.mercurymq.broker.filter.sql;

import java.util.Map;
import java.util.Set;

/** {@code prop [NOT] IN ('a', ...)}: exact string membership; unknown when the property is missing. */
final class In implements Expression {
    private final Expression property;
    private final Set<String> values;
    private final boolean not;

    In(Expression property, Set<String> values, boolean not) {
        this.property = property;
        this.values = values;
        this.not = not;
    }

    @Override
    public Object evaluate(Map<String, String> properties) throws SqlEvaluationException {
        Object v = property.evaluate(properties);
        if (!(v instanceof String)) {
            return null;
        }
        return values.contains(v) != not;
    }

    @Override
    public boolean isBoolean() {
        return true;
    }

    @Override
    public String toString() {
        return property + (not ? " NOT IN " : " IN ") + values;
    }
}
