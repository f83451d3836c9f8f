package org.mercurymq.client.consumer;

/**
 * What one {@link PullTaskCallback#doPullTask} call gets: the pull consumer to use, and the delay before the next
 * call for the same queue (default 200 ms; 1000 ms after the callback threw). A fresh instance per call.
 */
public class PullTaskContext {
    private int pullNextDelayTimeMillis = 200;

    private MQPullConsumer pullConsumer;

    public int getPullNextDelayTimeMillis() {
        return pullNextDelayTimeMillis;
    }

    public void setPullNextDelayTimeMillis(int pullNextDelayTimeMillis) {
        this.pullNextDelayTimeMillis = pullNextDelayTimeMillis;
    }

    public MQPullConsumer getPullConsumer() {
        return pullConsumer;
    }

    public void setPullConsumer(MQPullConsumer pullConsumer) {
        this.pullConsumer = pullConsumer;
    }
}
