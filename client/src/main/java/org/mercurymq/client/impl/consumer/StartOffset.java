package org.mercurymq.client.impl.consumer;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import org.mercurymq.client.consumer.store.OffsetStore;
import org.mercurymq.client.consumer.store.ReadOffsetType;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.factory.MQAdminImpl;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.message.MessageQueue;

/**
 * Where a consumer starts on a newly assigned queue (docs/protocol/behaviour.md §7): the stored offset if there is
 * one; with none stored (−1): first offset ⇒ 0, timestamp ⇒ SEARCH_OFFSET_BY_TIMESTAMP (retry topics:
 * max offset), last offset (default) ⇒ max offset (retry topics: 0). An unreachable store (−2) gives −1:
 * "unknown, try later". Stateless.
 */
public final class StartOffset {
    private StartOffset() {
    }

    public static long resolve(OffsetStore store, MQAdminImpl admin, MessageQueue mq, ConsumeFromWhere where,
                               String consumeTimestamp) throws MQClientException {
        long lastOffset = store.readOffset(mq, ReadOffsetType.READ_FROM_STORE);
        if (lastOffset >= 0) {
            return lastOffset;
        }
        if (lastOffset != -1) {
            return -1;
        }
        boolean retryTopic = TopicNames.isRetryTopic(mq.getTopic());
        switch (where) {
            case CONSUME_FROM_FIRST_OFFSET:
                return 0L;
            case CONSUME_FROM_TIMESTAMP:
                if (retryTopic) {
                    return admin.maxOffset(mq);
                }
                return admin.searchOffset(mq, parseTimestamp(consumeTimestamp));
            case CONSUME_FROM_LAST_OFFSET:
            default:
                return retryTopic ? 0L : admin.maxOffset(mq);
        }
    }

    /** {@code yyyyMMddHHmmss} in the local time zone to epoch milliseconds. */
    public static long parseTimestamp(String yyyyMMddHHmmss) throws MQClientException {
        try {
            SimpleDateFormat f = new SimpleDateFormat("yyyyMMddHHmmss");
            f.setLenient(false);
            return f.parse(yyyyMMddHHmmss).getTime();
        } catch (ParseException | NullPointerException e) {
            throw new MQClientException("consumeTimestamp " + yyyyMMddHHmmss + " is not yyyyMMddHHmmss", e);
        }
    }
}
