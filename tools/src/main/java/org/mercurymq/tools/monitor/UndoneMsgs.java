package org.mercurymq.tools.monitor;

/** One round's backlog of a group on a topic: total, worst queue, and worst delay of the newest message. */
public final class UndoneMsgs {
    final String consumerGroup;
    final String topic;
    final long undoneMsgsTotal;
    final long undoneMsgsSingleMQ;
    final long undoneMsgsDelayTimeMills;

    UndoneMsgs(String consumerGroup, String topic, long total, long singleMQ, long delayMillis) {
        this.consumerGroup = consumerGroup;
        this.topic = topic;
        this.undoneMsgsTotal = total;
        this.undoneMsgsSingleMQ = singleMQ;
        this.undoneMsgsDelayTimeMills = delayMillis;
    }

    @Override
    public String toString() {
        return "UndoneMsgs [consumerGroup=" + consumerGroup + ", topic=" + topic + ", undoneMsgsTotal="
            + undoneMsgsTotal + ", undoneMsgsSingleMQ=" + undoneMsgsSingleMQ + ", undoneMsgsDelayTimeMills="
            + undoneMsgsDelayTimeMills + "]";
    }
}
