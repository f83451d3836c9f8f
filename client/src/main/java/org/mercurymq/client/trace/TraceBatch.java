package org.mercurymq.client.trace;

import java.util.HashSet;
import java.util.Set;

/**
 * The encoded records waiting to go to one trace topic as one message: full once the text reaches
 * {@code maxChars}, due once its oldest record is {@code maxAgeMillis} old. Used by the dispatcher's worker thread
 * only; not thread-safe.
 */
final class TraceBatch {
    private final String topic;
    private final int maxChars;
    private final long maxAgeMillis;
    private StringBuilder data = new StringBuilder();
    private Set<String> keys = new HashSet<String>();
    private long firstAddedAt = -1;
    private int records;

    TraceBatch(String topic, int maxChars, long maxAgeMillis) {
        this.topic = topic;
        this.maxChars = maxChars;
        this.maxAgeMillis = maxAgeMillis;
    }

    String topic() {
        return topic;
    }

    void add(TraceTransferBean bean, long now) {
        if (firstAddedAt < 0) {
            firstAddedAt = now;
        }
        data.append(bean.getTransData());
        keys.addAll(bean.getTransKey());
        records++;
    }

    boolean isEmpty() {
        return records == 0;
    }

    boolean isFull() {
        return data.length() >= maxChars;
    }

    boolean isDue(long now) {
        return !isEmpty() && now - firstAddedAt >= maxAgeMillis;
    }

    /** The batch's text and keys as one trace message's content; the batch is empty afterwards. */
    Drained drain() {
        Drained out = new Drained(topic, data.toString(), keys, records);
        data = new StringBuilder();
        keys = new HashSet<String>();
        firstAddedAt = -1;
        records = 0;
        return out;
    }

    /** One trace message's worth of records. Immutable. */
    static final class Drained {
        final String topic;
        final String data;
        final Set<String> keys;
        final int records;

        Drained(String topic, String data, Set<String> keys, int records) {
            this.topic = topic;
            this.data = data;
            this.keys = keys;
            this.records = records;
        }
    }
}
