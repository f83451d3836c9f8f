package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;

/** Key queries through the index, offset-by-time search, earliest times and min/max offsets. */
class QueryAndTimeTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private DefaultMessageStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private void awaitDispatched() {
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
    }

    private List<MessageExt> query(String topic, String key, int max, long begin, long end) {
        QueryMessageResult r = store.queryMessage(topic, key, max, begin, end);
        List<MessageExt> out = new ArrayList<>();
        for (java.nio.ByteBuffer b : r.getMessageBufferList()) {
            out.add(MessageDecoder.decode(b.duplicate()));
        }
        r.release();
        return out;
    }

    @Test
    void queryByKeysAndUniqKeyAcrossIndexFiles() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
        // maxIndexNum 400 => several index files for 3 keys x 300 messages
        for (int i = 0; i < 300; i++) {
            MessageExtBrokerInner m = message("Q", i % 4, new byte[20], null, "order-" + i + " customer-" + (i % 7));
            MessageAccessor.putProperty(m, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ" + i);
            m.setPropertiesString(MessageDecoder.messageProperties2String(m.getProperties()));
            assertEquals(PutMessageStatus.PUT_OK, store.putMessage(m).getPutMessageStatus());
            clock.advance(1000);
        }
        awaitDispatched();
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            assertTrue(files.count() >= 3, "index rolled over");
        }
        List<MessageExt> byKey = query("Q", "order-123", 32, 0, Long.MAX_VALUE);
        assertEquals(1, byKey.size());
        assertEquals("order-123 customer-4", byKey.get(0).getKeys());
        List<MessageExt> byUniq = query("Q", "UNIQ77", 32, 0, Long.MAX_VALUE);
        assertEquals(1, byUniq.size());
        assertEquals("UNIQ77", byUniq.get(0).getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
        List<MessageExt> many = query("Q", "customer-3", 1000, 0, Long.MAX_VALUE);
        assertEquals(43, many.size());
        assertEquals(10, query("Q", "customer-3", 10, 0, Long.MAX_VALUE).size());
        assertEquals(0, query("Other", "order-1", 32, 0, Long.MAX_VALUE).size());
        long t50 = 1_700_000_000_000L + 50_000;
        List<MessageExt> windowed = query("Q", "customer-1", 100, t50, t50 + 70_000);
        for (MessageExt m : windowed) {
            assertTrue(m.getStoreTimestamp() >= t50 && m.getStoreTimestamp() <= t50 + 70_000);
        }
        assertEquals(11, windowed.size());
    }

    @Test
    void offsetByTimeFollowsTheSearchRules() {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
        long t0 = clock.millis();
        // 120 messages, 10 s apart, in one queue: several consume-queue segments (50 entries each)
        for (int i = 0; i < 120; i++) {
            store.putMessage(message("Time", 0, "m" + i));
            clock.advance(10_000);
        }
        awaitDispatched();
        assertEquals(0, store.getOffsetInQueueByTime("Time", 0, t0 - 1_000_000));
        assertEquals(119, store.getOffsetInQueueByTime("Time", 0, t0 + 10_000_000));
        assertEquals(70, store.getOffsetInQueueByTime("Time", 0, t0 + 700_000));
        assertEquals(70, store.getOffsetInQueueByTime("Time", 0, t0 + 701_000));
        assertEquals(71, store.getOffsetInQueueByTime("Time", 0, t0 + 709_000));
        // the search stays inside the first segment whose last entry is not older than the time
        assertEquals(50, store.getOffsetInQueueByTime("Time", 0, t0 + 494_000));
        assertEquals(49, store.getOffsetInQueueByTime("Time", 0, t0 + 486_000));
        assertEquals(48, store.getOffsetInQueueByTime("Time", 0, t0 + 484_000));
        assertEquals(0, store.getOffsetInQueueByTime("Unknown", 0, t0));
        assertEquals(t0, store.getEarliestMessageTime("Time", 0));
        assertEquals(t0, store.getEarliestMessageTime());
        assertEquals(-1, store.getEarliestMessageTime("Unknown", 0));
        assertEquals(t0 + 30_000, store.getMessageStoreTimeStamp("Time", 0, 3));
        assertEquals(0, store.getMinOffsetInQueue("Time", 0));
        assertEquals(120, store.getMaxOffsetInQueue("Time", 0));
        assertEquals(120, store.getMessageTotalInQueue("Time", 0));
        assertEquals(0, store.getMinPhyOffset());
    }
}
