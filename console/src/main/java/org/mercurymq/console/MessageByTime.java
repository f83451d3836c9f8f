package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mercurymq.client.consumer.MQPullConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;

/**
 * Messages of a topic stored in a time range: for every queue, the offsets of the range's ends are found by time
 * (SEARCH_OFFSET_BY_TIMESTAMP), the messages between them are pulled in batches and those stored inside the range
 * kept, at most {@link #MAX_RESULTS} in all (rocketmq-dashboard's cap), newest first. The pull consumer (group
 * TOOLS_CONSUMER, as mqadmin's printMsg) is started and shut down by the console; it never commits an offset.
 */
final class MessageByTime {
    static final int MAX_RESULTS = 2_000;
    static final int BATCH = 32;

    private final MQPullConsumer pull;

    MessageByTime(MQPullConsumer pull) {
        this.pull = pull;
    }

    /** {@code {topic, begin, end, truncated, messages:[summary, ...]}}; summaries carry no body (open one by id). */
    Map<String, Object> query(String topic, long begin, long end) throws Exception {
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            throw ApiException.badRequest(invalid);
        }
        if (begin < 0 || end < begin) {
            throw ApiException.badRequest("The range must have 0 <= begin <= end (milliseconds), not " + begin + " to " + end + ".");
        }
        List<MessageExt> found = new ArrayList<>();
        boolean truncated = false;
        TreeSet<MessageQueue> queues = new TreeSet<>(pull.fetchSubscribeMessageQueues(topic));
        for (MessageQueue mq : queues) {
            if (!readQueue(mq, begin, end, found)) {
                truncated = true;
                break;
            }
        }
        found.sort(Comparator.comparingLong(MessageExt::getStoreTimestamp).reversed()
            .thenComparing(MessageExt::getQueueId).thenComparing(MessageExt::getQueueOffset));
        List<Map<String, Object>> messages = new ArrayList<>();
        for (MessageExt m : found) {
            messages.add(summary(m));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topic", topic);
        out.put("begin", begin);
        out.put("end", end);
        out.put("truncated", truncated);
        out.put("maxResults", MAX_RESULTS);
        out.put("messages", messages);
        return out;
    }

    /** Adds the queue's messages stored in [begin, end] to {@code found}; false when the cap was reached. */
    private boolean readQueue(MessageQueue mq, long begin, long end, List<MessageExt> found) throws Exception {
        long max = pull.maxOffset(mq);
        long from = Math.max(pull.minOffset(mq), pull.searchOffset(mq, begin));
        // the offset found for the end may be the last message stored before it or the first after: read to it
        long to = Math.min(max, pull.searchOffset(mq, end) + 1);
        long offset = from;
        while (offset < to) {
            PullResult r = pull.pull(mq, "*", offset, (int) Math.min(BATCH, to - offset));
            switch (r.getPullStatus()) {
                case FOUND:
                    for (MessageExt m : r.getMsgFoundList()) {
                        if (m.getQueueOffset() >= to) {
                            return true;
                        }
                        if (m.getStoreTimestamp() >= begin && m.getStoreTimestamp() <= end) {
                            if (found.size() >= MAX_RESULTS) {
                                return false;
                            }
                            found.add(m);
                        }
                    }
                    break;
                case NO_MATCHED_MSG:
                    break;
                default:
                    // NO_NEW_MSG or OFFSET_ILLEGAL: nothing more to read in this queue
                    return true;
            }
            if (r.getNextBeginOffset() <= offset) {
                return true;
            }
            offset = r.getNextBeginOffset();
        }
        return true;
    }

    static Map<String, Object> summary(MessageExt m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("msgId", m.getMsgId());
        d.put("topic", m.getTopic());
        d.put("tags", m.getTags());
        d.put("keys", m.getKeys());
        d.put("brokerName", m.getBrokerName());
        d.put("queueId", m.getQueueId());
        d.put("queueOffset", m.getQueueOffset());
        d.put("storeTimestamp", m.getStoreTimestamp());
        d.put("bodyLength", m.getBody() == null ? 0 : m.getBody().length);
        return d;
    }
}
