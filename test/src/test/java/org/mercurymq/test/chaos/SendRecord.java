package org.mercurymq.test.chaos;

/**
 * One send as the producer saw it. {@code shardingKey} is null for unordered sends; {@code shardSeq} numbers
 * the sends of one sharding key from 0. {@code brokerName} is where an OK send went (null otherwise).
 * Immutable.
 */
public final class SendRecord {
    public final String key;
    public final String shardingKey;
    public final long shardSeq;
    public final String producer;
    public final SendMode mode;
    public final SendOutcome outcome;
    public final long startMillis;
    public final long endMillis;
    public final String brokerName;
    public final String detail;

    public SendRecord(String key, String shardingKey, long shardSeq, String producer, SendMode mode,
                      SendOutcome outcome, long startMillis, long endMillis, String brokerName, String detail) {
        this.key = key;
        this.shardingKey = shardingKey;
        this.shardSeq = shardSeq;
        this.producer = producer;
        this.mode = mode;
        this.outcome = outcome;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.brokerName = brokerName;
        this.detail = detail;
    }

    @Override
    public String toString() {
        return "send " + key + " shard=" + shardingKey + "#" + shardSeq + " " + mode + " by " + producer + " "
            + outcome + " [" + startMillis + ".." + endMillis + "] broker=" + brokerName
            + (detail == null ? "" : " " + detail);
    }
}
