package org.mercurymq.broker.filter;

import org.mercurymq.broker.filter.sql.SqlSelector;

/**
 * The registered SQL92 filter of one consumer group on one topic, as persisted in consumerFilter.json: the
 * expression and its compiled form, the subscription version of the client that registered it, and the times it
 * was registered and (if no member subscribes to it any more) died. Dead while {@code deadTime >= bornTime}.
 * The expression is immutable; version and death time change under the manager's lock and are read without it.
 */
public final class ConsumerFilterData {
    private final String consumerGroup;
    private final String topic;
    private final String expression;
    private final String expressionType;
    private final SqlSelector selector;
    private final long bornTime;
    private final int bloomBitNum;
    private final int[] bloomBitPos;
    private volatile long deadTime;
    private volatile long clientVersion;

    ConsumerFilterData(String consumerGroup, String topic, String expression, String expressionType,
                       SqlSelector selector, long bornTime, long deadTime, long clientVersion, int bloomBitNum,
                       int[] bloomBitPos) {
        this.consumerGroup = consumerGroup;
        this.topic = topic;
        this.expression = expression;
        this.expressionType = expressionType;
        this.selector = selector;
        this.bornTime = bornTime;
        this.deadTime = deadTime;
        this.clientVersion = clientVersion;
        this.bloomBitNum = bloomBitNum;
        this.bloomBitPos = bloomBitPos.clone();
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    public String topic() {
        return topic;
    }

    public String expression() {
        return expression;
    }

    public String expressionType() {
        return expressionType;
    }

    public SqlSelector selector() {
        return selector;
    }

    public long bornTime() {
        return bornTime;
    }

    public long deadTime() {
        return deadTime;
    }

    public long clientVersion() {
        return clientVersion;
    }

    public boolean isDead() {
        return deadTime >= bornTime;
    }

    int bloomBitNum() {
        return bloomBitNum;
    }

    int[] bloomBitPos() {
        return bloomBitPos.clone();
    }

    void markDead(long now) {
        deadTime = now;
    }

    void reAlive() {
        deadTime = 0;
    }

    void setClientVersion(long clientVersion) {
        this.clientVersion = clientVersion;
    }

    @Override
    public String toString() {
        return consumerGroup + "@" + topic + " [" + expression + "] version " + clientVersion
            + (isDead() ? " dead since " + deadTime : "");
    }
}
