package org.mercurymq.common.filter;

import org.mercurymq.common.protocol.heartbeat.SubscriptionData;

/** Builds subscriptions from expressions such as {@code "TagA || TagB"} or {@code "*"}. Stateless. */
public final class FilterAPI {
    private FilterAPI() {
    }

    /**
     * Parses a TAG expression: tags separated by {@code ||}, blanks trimmed and dropped; {@code "*"},
     * null or blank subscribe to everything.
     */
    public static SubscriptionData buildSubscriptionData(String topic, String subString) {
        SubscriptionData data = new SubscriptionData(topic, subString);
        if (subString == null || SubscriptionData.SUB_ALL.equals(subString.trim()) || subString.trim().isEmpty()) {
            data.setSubString(SubscriptionData.SUB_ALL);
            return data;
        }
        for (String tag : subString.split("\\|\\|")) {
            String t = tag.trim();
            if (!t.isEmpty()) {
                data.getTagsSet().add(t);
                data.getCodeSet().add(t.hashCode());
            }
        }
        if (data.getTagsSet().isEmpty()) {
            throw new IllegalArgumentException("subscription expression '" + subString + "' contains no tag");
        }
        return data;
    }

    /**
     * Builds a subscription of the given expression type; only TAG expressions are parsed into tags, other
     * expressions are kept verbatim and must not be empty.
     */
    public static SubscriptionData build(String topic, String subString, String type) {
        if (ExpressionType.isTagType(type)) {
            return buildSubscriptionData(topic, subString);
        }
        if (subString == null || subString.isEmpty()) {
            throw new IllegalArgumentException("Expression can't be null! " + type);
        }
        SubscriptionData data = new SubscriptionData(topic, subString);
        data.setExpressionType(type);
        return data;
    }
}
