package org.mercurymq.client.trace;

import org.mercurymq.common.TopicNames;

/** Names and separators of message trace (docs/client.md "Message trace"). */
public class TraceConstants {
    /** Producer group prefix of a dispatcher's own producer: {@code _INNER_TRACE_PRODUCER-<group>-<type>-<n>}. */
    public static final String GROUP_NAME_PREFIX = "_INNER_TRACE_PRODUCER";
    /** Separates the fields of one trace record. */
    public static final char CONTENT_SPLITOR = (char) 1;
    /** Ends one trace record. */
    public static final char FIELD_SPLITOR = (char) 2;
    /** Instance name prefix of a dispatcher's producer; the name server address follows after {@code _}. */
    public static final String TRACE_INSTANCE_NAME = "PID_CLIENT_INNER_TRACE_PRODUCER";
    /** Trace topic prefix with {@code AccessChannel.CLOUD}: {@code rmq_sys_TRACE_DATA_<regionId>}. */
    public static final String TRACE_TOPIC_PREFIX = TopicNames.SYSTEM_TOPIC_PREFIX + "TRACE_DATA_";
    public static final String TO_PREFIX = "To_";
    public static final String FROM_PREFIX = "From_";
    public static final String END_TRANSACTION = "EndTransaction";
    public static final String ROCKETMQ_SERVICE = "rocketmq";
    public static final String ROCKETMQ_SUCCESS = ROCKETMQ_SERVICE + ".success";
    public static final String ROCKETMQ_TAGS = ROCKETMQ_SERVICE + ".tags";
    public static final String ROCKETMQ_KEYS = ROCKETMQ_SERVICE + ".keys";
    // the misspelling is RocketMQ's public constant name
    public static final String ROCKETMQ_SOTRE_HOST = ROCKETMQ_SERVICE + ".store_host";
    public static final String ROCKETMQ_BODY_LENGTH = ROCKETMQ_SERVICE + ".body_length";
    public static final String ROCKETMQ_MSG_ID = ROCKETMQ_SERVICE + ".mgs_id";
    public static final String ROCKETMQ_MSG_TYPE = ROCKETMQ_SERVICE + ".mgs_type";
    public static final String ROCKETMQ_REGION_ID = ROCKETMQ_SERVICE + ".region_id";
    public static final String ROCKETMQ_TRANSACTION_ID = ROCKETMQ_SERVICE + ".transaction_id";
    public static final String ROCKETMQ_TRANSACTION_STATE = ROCKETMQ_SERVICE + ".transaction_state";
    public static final String ROCKETMQ_IS_FROM_TRANSACTION_CHECK = ROCKETMQ_SERVICE + ".is_from_transaction_check";
    public static final String ROCKETMQ_RETRY_TIMERS = ROCKETMQ_SERVICE + ".retry_times";

    /** Region a trace record carries when nothing better is known. */
    static final String DEFAULT_REGION = "DefaultRegion";
}
