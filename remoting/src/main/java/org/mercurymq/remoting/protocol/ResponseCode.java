package org.mercurymq.remoting.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Response codes of the RocketMQ 4.9.x protocol (docs/protocol/codes.md §2), as one table:
 * each code with its name, so logs, remarks and client exceptions use the same words.
 */
public enum ResponseCode {
    SUCCESS(0),
    SYSTEM_ERROR(1),
    SYSTEM_BUSY(2),
    REQUEST_CODE_NOT_SUPPORTED(3),
    TRANSACTION_FAILED(4),
    FLUSH_DISK_TIMEOUT(10),
    SLAVE_NOT_AVAILABLE(11),
    FLUSH_SLAVE_TIMEOUT(12),
    MESSAGE_ILLEGAL(13),
    SERVICE_NOT_AVAILABLE(14),
    VERSION_NOT_SUPPORTED(15),
    NO_PERMISSION(16),
    TOPIC_NOT_EXIST(17),
    TOPIC_EXIST_ALREADY(18),
    PULL_NOT_FOUND(19),
    PULL_RETRY_IMMEDIATELY(20),
    PULL_OFFSET_MOVED(21),
    QUERY_NOT_FOUND(22),
    SUBSCRIPTION_PARSE_FAILED(23),
    SUBSCRIPTION_NOT_EXIST(24),
    SUBSCRIPTION_NOT_LATEST(25),
    SUBSCRIPTION_GROUP_NOT_EXIST(26),
    FILTER_DATA_NOT_EXIST(27),
    FILTER_DATA_NOT_LATEST(28),
    TRANSACTION_SHOULD_COMMIT(200),
    TRANSACTION_SHOULD_ROLLBACK(201),
    TRANSACTION_STATE_UNKNOW(202),
    TRANSACTION_STATE_GROUP_WRONG(203),
    NO_BUYER_ID(204),
    NOT_IN_CURRENT_UNIT(205),
    CONSUMER_NOT_ONLINE(206),
    CONSUME_MSG_TIMEOUT(207),
    NO_MESSAGE(208),
    UPDATE_AND_CREATE_ACL_CONFIG_FAILED(209),
    DELETE_ACL_CONFIG_FAILED(210),
    UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED(211),
    FLOW_CONTROL(215);

    private static final Map<Integer, ResponseCode> BY_CODE = new HashMap<>();

    static {
        for (ResponseCode c : values()) {
            BY_CODE.put(c.code, c);
        }
    }

    private final int code;

    ResponseCode(int code) {
        this.code = code;
    }

    /** The numeric code on the wire. */
    public int code() {
        return code;
    }

    /** The code's entry, or null for a code this table does not know. */
    public static ResponseCode of(int code) {
        return BY_CODE.get(code);
    }

    /** {@code NAME(code)} for logs and exception messages, also for unknown codes. */
    public static String describe(int code) {
        ResponseCode c = of(code);
        return c == null ? "UNKNOWN(" + code + ")" : c.name() + "(" + code + ")";
    }
}
