package org.mercurymq.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.MQPullConsumer;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;

/** The walk over queues by time, against queues kept in memory (message {@code i} stored at 1000 + 10 i ms). */
class MessageByTimeTest {
    private static final String TOPIC = "T";

    /** A pull consumer over {@code sizes[q]} messages in queue q; searchOffset answers like a broker: first at or after. */
    private static MQPullConsumer queues(int... sizes) {
        Map<MessageQueue, Integer> table = new TreeMap<>();
        for (int q = 0; q < sizes.length; q++) {
            table.put(new MessageQueue(TOPIC, "b", q), sizes[q]);
        }
        return (MQPullConsumer) Proxy.newProxyInstance(MQPullConsumer.class.getClassLoader(),
            new Class<?>[] {MQPullConsumer.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "fetchSubscribeMessageQueues":
                        return Set.copyOf(table.keySet());
                    case "minOffset":
                        return 0L;
                    case "maxOffset":
                        return (long) table.get((MessageQueue) args[0]);
                    case "searchOffset": {
                        long ts = (Long) args[1];
                        long size = table.get((MessageQueue) args[0]);
                        return Math.min(size, Math.max(0, (ts - 1000 + 9) / 10));
                    }
                    case "pull": {
                        MessageQueue mq = (MessageQueue) args[0];
                        long offset = (Long) args[2];
                        int max = (Integer) args[3];
                        long size = table.get(mq);
                        if (offset >= size) {
                            return new PullResult(PullStatus.NO_NEW_MSG, offset, 0, size, null);
                        }
                        List<MessageExt> found = new ArrayList<>();
                        for (long o = offset; o < Math.min(size, offset + max); o++) {
                            MessageExt m = new MessageExt();
                            m.setTopic(TOPIC);
                            m.setQueueId(mq.getQueueId());
                            m.setQueueOffset(o);
                            m.setStoreTimestamp(1000 + 10 * o);
                            m.setBody(new byte[] {1});
                            found.add(m);
                        }
                        return new PullResult(PullStatus.FOUND, offset + found.size(), 0, size, found);
                    }
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(Map<String, Object> r) {
        return (List<Map<String, Object>>) r.get("messages");
    }

    @Test
    void keepsWhatWasStoredInsideTheRangeNewestFirst() throws Exception {
        Map<String, Object> r = new MessageByTime(queues(20, 3)).query(TOPIC, 1050, 1100);
        List<Long> times = messages(r).stream().map(m -> (Long) m.get("storeTimestamp")).collect(Collectors.toList());
        // queue 0: offsets 5..10; queue 1 holds 1000..1020 only, all before the range
        assertEquals(List.of(1100L, 1090L, 1080L, 1070L, 1060L, 1050L), times);
        assertFalse((Boolean) r.get("truncated"));
    }

    @Test
    void readsAcrossBatchesAndQueues() throws Exception {
        Map<String, Object> r = new MessageByTime(queues(100, 100)).query(TOPIC, 0, Long.MAX_VALUE / 2);
        assertEquals(200, messages(r).size());
        assertEquals(100, messages(r).stream().filter(m -> (Integer) m.get("queueId") == 1).count());
    }

    @Test
    void stopsAt2000KeepingTheNewestAndSaysSo() throws Exception {
        // queue 0 has 1,500 messages (the newest stored at 15,990), queue 1 has 2,500 (the newest at 25,990)
        Map<String, Object> r = new MessageByTime(queues(1500, 2500)).query(TOPIC, 0, Long.MAX_VALUE / 2);
        List<Map<String, Object>> list = messages(r);
        assertEquals(MessageByTime.MAX_RESULTS, list.size());
        assertTrue((Boolean) r.get("truncated"));
        // the 2,000 newest of the topic: queue 1's offsets 1000..2499 (stored 11,000..25,990) and queue 0's
        // 1000..1499 (11,000..15,990)
        assertEquals(25_990L, list.get(0).get("storeTimestamp"));
        assertEquals(11_000L, list.get(list.size() - 1).get("storeTimestamp"));
        assertEquals(1500, list.stream().filter(m -> (Integer) m.get("queueId") == 1).count());
        assertEquals(500, list.stream().filter(m -> (Integer) m.get("queueId") == 0).count());
        for (int i = 1; i < list.size(); i++) {
            assertTrue((Long) list.get(i - 1).get("storeTimestamp") >= (Long) list.get(i).get("storeTimestamp"));
        }
    }

    @Test
    void aQueueWithMoreThan2000InRangeIsCutToItsNewest() throws Exception {
        Map<String, Object> r = new MessageByTime(queues(2100)).query(TOPIC, 0, Long.MAX_VALUE / 2);
        List<Map<String, Object>> list = messages(r);
        assertEquals(MessageByTime.MAX_RESULTS, list.size());
        assertTrue((Boolean) r.get("truncated"));
        assertEquals(2099L, list.get(0).get("queueOffset"));
        assertEquals(100L, list.get(list.size() - 1).get("queueOffset"));
    }

    @Test
    void anEmptyOrInvertedRangeIsRefused() {
        ApiException e = assertThrows(ApiException.class, () -> new MessageByTime(queues(1)).query(TOPIC, 2000, 1000));
        assertEquals(400, e.status());
        assertEquals(400, assertThrows(ApiException.class, () -> new MessageByTime(queues(1)).query("bad topic!", 0, 1)).status());
    }
}
