package org.mercurymq.broker.filter.sql;

import java.util.Map;

/**
 * A node of a compiled selector. Values are {@code String} (properties and string literals), {@code Integer},
 * {@code Long}, {@code Double}, {@code Boolean} or null (unknown / missing). Immutable and thread-safe.
 */
public interface Expression {
    /** The node's value for a message with these properties (never modified). */
    Object evaluate(Map<String, String> properties) throws SqlEvaluationException;

    /** True for nodes whose value is always a Boolean or null (comparisons, logic, TRUE/FALSE/NULL). */
    default boolean isBoolean() {
        return false;
    }
}
