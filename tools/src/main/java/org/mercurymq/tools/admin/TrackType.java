package org.mercurymq.tools.admin;

/** Where a message stands for one consumer group, as RocketMQ's message track reports it. */
public enum TrackType {
    CONSUMED,
    CONSUMED_BUT_FILTERED,
    PULL,
    NOT_CONSUME_YET,
    NOT_ONLINE,
    UNKNOWN
}
