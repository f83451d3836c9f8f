package org.mercurymq.common;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Topic name rules and the reserved topic sets (docs/protocol/behaviour.md §1). The broker additionally treats its
 * cluster-name and broker-name topics as system topics; it passes them to {@link #isSystemTopic(String, Set)}.
 * Stateless and thread-safe.
 */
public final class TopicValidator {
    public static final int TOPIC_MAX_LENGTH = 127;

    /** Topics that UPDATE_AND_CREATE_TOPIC / DELETE_TOPIC_IN_BROKER refuse. */
    public static final Set<String> SYSTEM_TOPICS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
        TopicNames.DEFAULT_TOPIC, TopicNames.SCHEDULE_TOPIC, TopicNames.BENCHMARK_TOPIC, TopicNames.TRANS_HALF_TOPIC,
        TopicNames.TRANS_OP_HALF_TOPIC, TopicNames.TRANS_CHECK_MAX_TIME_TOPIC, TopicNames.TRACE_TOPIC,
        TopicNames.SELF_TEST_TOPIC, TopicNames.OFFSET_MOVED_EVENT)));

    /** Topics a producer may not send to (code 16). */
    public static final Set<String> NOT_ALLOWED_SEND_TOPICS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
        TopicNames.SCHEDULE_TOPIC, TopicNames.TRANS_HALF_TOPIC, TopicNames.TRANS_OP_HALF_TOPIC,
        TopicNames.TRANS_CHECK_MAX_TIME_TOPIC, TopicNames.SELF_TEST_TOPIC, TopicNames.OFFSET_MOVED_EVENT)));

    private TopicValidator() {
    }

    /** Only {@code [%|a-zA-Z0-9_-]}. */
    public static boolean isTopicOrGroupIllegal(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '%' || c == '|' || c == '_' || c == '-';
            if (!ok) {
                return true;
            }
        }
        return false;
    }

    /** Returns null when the name is acceptable, else a message saying what is wrong. */
    public static String validateTopic(String topic) {
        if (topic == null || topic.trim().isEmpty()) {
            return "The specified topic is blank.";
        }
        if (topic.length() > TOPIC_MAX_LENGTH) {
            return "The specified topic is longer than topic max length " + TOPIC_MAX_LENGTH + ".";
        }
        if (isTopicOrGroupIllegal(topic)) {
            return "The specified topic[" + topic + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$";
        }
        return null;
    }

    public static boolean isSystemTopic(String topic) {
        return topic != null && (SYSTEM_TOPICS.contains(topic) || topic.startsWith(TopicNames.SYSTEM_TOPIC_PREFIX));
    }

    /** Also counts {@code extraSystemTopics} (a broker's cluster and broker name topics). */
    public static boolean isSystemTopic(String topic, Set<String> extraSystemTopics) {
        return isSystemTopic(topic) || (topic != null && extraSystemTopics.contains(topic));
    }

    public static boolean isNotAllowedSendTopic(String topic) {
        return NOT_ALLOWED_SEND_TOPICS.contains(topic);
    }
}
