package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mercurymq.client.consumer.MQPullConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;

/**
 * Messages of a topic stored in a time range: for every queue, the offsets of the range's ends are found by time
 * (SEARCH_OFFSET_BY_TIMESTAMP) and the messages between them are pulled in batches of {@link #BATCH}, from the
 * end of the range backwards, keeping those stored inside the range. At most {@link #MAX_RESULTS} come back (the
 * cap rocketmq-dashboard has): the newest of the whole topic, newest first, since each queue stops once it has that
 * many of its own. The pull consumer (group TOOLS_CONSUMER, as mqadmin's printMsg) is started and shut down by the
 * console; it never commits an offset.
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
        for (MessageQueue mq : new TreeSet<>(pull.fetchSubscribeMessageQueues(topic))) {
            truncated |= readQueue(mq, begin, end, found);
        }
        found.sort(Comparator.comparingLong(MessageExt::getStoreTimestamp).reversed()
            .thenComparing(MessageExt::getQueueId).thenComparing(MessageExt::getQueueOffset));
        if (found.size() > MAX_RESULTS) {
            truncated = true;
            found = found.subList(0, MAX_RESULTS);
        }
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

    /**
     * Adds the queue's newest messages stored in [begin, end], at most {@link #MAX_RESULTS}, to {@code found};
     * true when the queue has more in the range than that.
     */
    private boolean readQueue(MessageQueue mq, long begin, long end, List<MessageExt> found) throws Exception {
        long from = Math.max(pull.minOffset(mq), pull.searchOffset(mq, begin));
        // the offset found for the end may be the last message stored before it or the first after: read to it
        long to = Math.min(pull.maxOffset(mq), pull.searchOffset(mq, end) + 1);
        int kept = 0;
        for (long hi = to; hi > from; hi = Math.max(from, hi - BATCH)) {
            List<MessageExt> batch = pullRange(mq, Math.max(from, hi - BATCH), hi);
            for (int i = batch.size() - 1; i >= 0; i--) {
                MessageExt m = batch.get(i);
                if (m.getStoreTimestamp() >= begin && m.getStoreTimestamp() <= end) {
                    if (kept == MAX_RESULTS) {
                        return true;
                    }
                    found.add(m);
                    kept++;
                }
            }
        }
        return false;
    }

    /** The messages at offsets [lo, hi) of the queue, oldest first (fewer when the queue has lost some). */
    private List<MessageExt> pullRange(MessageQueue mq, long lo, long hi) throws Exception {
        List<MessageExt> out = new ArrayList<>();
        long offset = lo;
        while (offset < hi) {
            PullResult r = pull.pull(mq, "*", offset, (int) (hi - offset));
            if (r.getPullStatus() == PullStatus.FOUND) {
                for (MessageExt m : r.getMsgFoundList()) {
                    if (m.getQueueOffset() >= lo && m.getQueueOffset() < hi) {
                        out.add(m);
                    }
                }
            } else if (r.getPullStatus() != PullStatus.NO_MATCHED_MSG) {
                // NO_NEW_MSG or OFFSET_ILLEGAL: nothing more to read here
                break;
            }
            if (r.getNextBeginOffset() <= offset) {
                break;
            }
            offset = r.getNextBeginOffset();
        }
        return out;
    }

    static Map<String, Object> summary(MessageExt m) {
        Map<String, Object> d = MessageView.identity(m);
        d.put("storeTimestamp", m.getStoreTimestamp());
        d.put("bodyLength", m.getBody() == null ? 0 : m.getBody().length);
        return d;
    }
}
