package org.mercurymq.test.chaos;

/** One message handed to a consumer's listener. Immutable. */
public final class DeliveryRecord {
    public final String key;
    public final String shardingKey;
    public final long shardSeq;
    public final String consumerGroup;
    public final String consumer;
    public final boolean orderly;
    public final String topic;
    /** {@code brokerName:queueId} */
    public final String queue;
    public final long queueOffset;
    public final int reconsumeTimes;
    public final long timeMillis;

    public DeliveryRecord(String key, String shardingKey, long shardSeq, String consumerGroup, String consumer,
                          boolean orderly, String topic, String queue, long queueOffset, int reconsumeTimes,
                          long timeMillis) {
        this.key = key;
        this.shardingKey = shardingKey;
        this.shardSeq = shardSeq;
        this.consumerGroup = consumerGroup;
        this.consumer = consumer;
        this.orderly = orderly;
        this.topic = topic;
        this.queue = queue;
        this.queueOffset = queueOffset;
        this.reconsumeTimes = reconsumeTimes;
        this.timeMillis = timeMillis;
    }

    @Override
    public String toString() {
        return "deliver " + key + " shard=" + shardingKey + "#" + shardSeq + " to " + consumerGroup + "/" + consumer
            + (orderly ? " orderly" : " concurrently") + " from " + topic + "/" + queue + "@" + queueOffset
            + " reconsume=" + reconsumeTimes + " at " + timeMillis;
    }
}
