package org.mercurymq.common;

/**
 * Names of the well-known topics and the retry / dead-letter / reply naming rules (docs/protocol/behaviour.md §1, §8).
 * Stateless and thread-safe.
 */
public final class TopicNames {
    /** Template topic for auto-creation. */
    public static final String DEFAULT_TOPIC = "TBW102";
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    public static final String BENCHMARK_TOPIC = "BenchmarkTest";
    public static final String TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public static final String TRANS_CHECK_MAX_TIME_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
    public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    public static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";

    /** Reserved prefix of internal topics. */
    public static final String SYSTEM_TOPIC_PREFIX = "rmq_sys_";
    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
    public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";
    public static final String REPLY_TOPIC_POSTFIX = "REPLY_TOPIC";

    private TopicNames() {
    }

    /** {@code %RETRY%<group>}. */
    public static String getRetryTopic(String consumerGroup) {
        return RETRY_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    /** {@code %DLQ%<group>}. */
    public static String getDLQTopic(String consumerGroup) {
        return DLQ_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    /** {@code <cluster>_REPLY_TOPIC}, the request/reply topic of a cluster. */
    public static String getReplyTopic(String clusterName) {
        return clusterName + "_" + REPLY_TOPIC_POSTFIX;
    }

    public static boolean isRetryTopic(String topic) {
        return topic != null && topic.startsWith(RETRY_GROUP_TOPIC_PREFIX);
    }

    public static boolean isDLQTopic(String topic) {
        return topic != null && topic.startsWith(DLQ_GROUP_TOPIC_PREFIX);
    }
}
