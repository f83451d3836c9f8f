package org.mercurymq.common.protocol.heartbeat;

import java.util.HashSet;
import java.util.Set;
import org.mercurymq.common.filter.ExpressionType;

/**
 * One topic subscription of a consumer group as it travels in heartbeats: the expression, its tags
 * and their {@link String#hashCode()} codes (what the ConsumeQueue stores). JSON field names are the
 * wire names. Mutable bean for JSON; not thread-safe.
 */
public class SubscriptionData implements Comparable<SubscriptionData> {
    public static final String SUB_ALL = "*";

    private boolean classFilterMode = false;
    private String topic;
    private String subString;
    private Set<String> tagsSet = new HashSet<String>();
    private Set<Integer> codeSet = new HashSet<Integer>();
    private long subVersion = System.currentTimeMillis();
    private String expressionType = ExpressionType.TAG;

    public SubscriptionData() {
    }

    public SubscriptionData(String topic, String subString) {
        this.topic = topic;
        this.subString = subString;
    }

    /** True when the subscription takes every tag. */
    public boolean matchesAllTags() {
        return subString == null || SUB_ALL.equals(subString) || subString.trim().isEmpty();
    }

    public boolean isClassFilterMode() {
        return classFilterMode;
    }

    public void setClassFilterMode(boolean classFilterMode) {
        this.classFilterMode = classFilterMode;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getSubString() {
        return subString;
    }

    public void setSubString(String subString) {
        this.subString = subString;
    }

    public Set<String> getTagsSet() {
        return tagsSet;
    }

    public void setTagsSet(Set<String> tagsSet) {
        this.tagsSet = tagsSet;
    }

    public Set<Integer> getCodeSet() {
        return codeSet;
    }

    public void setCodeSet(Set<Integer> codeSet) {
        this.codeSet = codeSet;
    }

    public long getSubVersion() {
        return subVersion;
    }

    public void setSubVersion(long subVersion) {
        this.subVersion = subVersion;
    }

    public String getExpressionType() {
        return expressionType;
    }

    public void setExpressionType(String expressionType) {
        this.expressionType = expressionType;
    }

    @Override
    public int hashCode() {
        int result = classFilterMode ? 1231 : 1237;
        result = 31 * result + (codeSet == null ? 0 : codeSet.hashCode());
        result = 31 * result + (subString == null ? 0 : subString.hashCode());
        result = 31 * result + (tagsSet == null ? 0 : tagsSet.hashCode());
        result = 31 * result + (topic == null ? 0 : topic.hashCode());
        result = 31 * result + (expressionType == null ? 0 : expressionType.hashCode());
        return result;
    }

    /** Equality ignores subVersion: a re-sent identical subscription is not a change. */
    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof SubscriptionData)) {
            return false;
        }
        SubscriptionData o = (SubscriptionData) obj;
        return classFilterMode == o.classFilterMode && eq(codeSet, o.codeSet) && eq(subString, o.subString)
            && eq(tagsSet, o.tagsSet) && eq(topic, o.topic) && eq(expressionType, o.expressionType);
    }

    private static boolean eq(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    @Override
    public int compareTo(SubscriptionData other) {
        String a = topic + "@" + subString;
        String b = other.topic + "@" + other.subString;
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return "SubscriptionData [classFilterMode=" + classFilterMode + ", topic=" + topic + ", subString=" + subString
            + ", tagsSet=" + tagsSet + ", codeSet=" + codeSet + ", subVersion=" + subVersion + ", expressionType="
            + expressionType + "]";
    }
}
