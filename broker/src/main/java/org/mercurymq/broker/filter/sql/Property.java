package org.mercurymq.broker.filter.sql;

import java.util.Map;

/** A message property by its exact (case-sensitive) name; null when the message lacks it. */
final class Property implements Expression {
    private final String name;

    Property(String name) {
        this.name = name;
    }

    @Override
    public Object evaluate(Map<String, String> properties) {
        return properties == null ? null : properties.get(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
