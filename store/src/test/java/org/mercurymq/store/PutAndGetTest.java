package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageBatch;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageExtBatch;

class PutAndGetTest {
    @TempDir
    Path dir;
    private DefaultMessageStore store;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    private void awaitDispatched() {
        Awaitility.await().until(() -> store.dispatchBehindBytes() == 0);
    }

    @Test
    void putThenGetByQueueOffset() {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
        for (int i = 0; i < 10; i++) {
            PutMessageResult r = store.putMessage(message("TopicA", 1, "body-" + i));
            assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
            assertEquals(i, r.getAppendMessageResult().getLogicsOffset());
            assertEquals(clock.millis(), r.getAppendMessageResult().getStoreTimestamp());
        }
        awaitDispatched();
        assertEquals(10, store.getMaxOffsetInQueue("TopicA", 1));
        assertEquals(0, store.getMinOffsetInQueue("TopicA", 1));
        GetMessageResult got = store.getMessage("g", "TopicA", 1, 3, 4, null);
        try {
            assertEquals(GetMessageStatus.FOUND, got.getStatus());
            assertEquals(4, got.getMessageCount());
            assertEquals(7, got.getNextBeginOffset());
            List<MessageExt> msgs = MessageDecoder.decodes(concat(got.getMessageBufferList()));
            assertEquals("body-3", new String(msgs.get(0).getBody(), StandardCharsets.UTF_8));
            assertEquals(3, msgs.get(0).getQueueOffset());
            assertEquals("DefaultCluster", msgs.get(0).getProperty("CLUSTER"));
        } finally {
            got.release();
        }
    }

    static ByteBuffer concat(List<ByteBuffer> buffers) {
        int total = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
        ByteBuffer all = ByteBuffer.allocate(total);
        for (ByteBuffer b : buffers) {
            all.put(b.duplicate());
        }
        all.flip();
        return all;
    }

    @Test
    void lookupByOffsetAndMsgId() throws Exception {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
        store.putMessage(message("T", 0, "first"));
        PutMessageResult r = store.putMessage(message("T", 0, "second"));
        long offset = r.getAppendMessageResult().getWroteOffset();
        MessageExt ext = store.lookMessageByOffset(offset);
        assertEquals("second", new String(ext.getBody(), StandardCharsets.UTF_8));
        assertEquals(r.getAppendMessageResult().getMsgId(), ext.getMsgId());
        assertEquals(offset, MessageDecoder.decodeMessageId(ext.getMsgId()).getOffset());
        SelectMappedBufferResult raw = store.selectOneMessageByOffset(offset);
        assertEquals(r.getAppendMessageResult().getWroteBytes(), raw.getSize());
        raw.release();
        awaitDispatched();
        assertEquals(offset, store.getCommitLogOffsetInQueue("T", 0, 1));
    }

    @Test
    void getStatuses() {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
        for (int i = 0; i < 3; i++) {
            store.putMessage(message("T", 0, new byte[10], i % 2 == 0 ? "TagA" : "TagB", null));
        }
        awaitDispatched();
        GetMessageResult unknown = store.getMessage("g", "Nope", 0, 5, 32, null);
        assertEquals(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, unknown.getStatus());
        assertEquals(0, unknown.getNextBeginOffset());
        GetMessageResult one = store.getMessage("g", "T", 0, 3, 32, null);
        assertEquals(GetMessageStatus.OFFSET_OVERFLOW_ONE, one.getStatus());
        assertEquals(3, one.getNextBeginOffset());
        GetMessageResult badly = store.getMessage("g", "T", 0, 9, 32, null);
        assertEquals(GetMessageStatus.OFFSET_OVERFLOW_BADLY, badly.getStatus());
        assertEquals(3, badly.getNextBeginOffset());
        assertEquals(3, badly.getMaxOffset());

        MessageFilter onlyB = new MessageFilter() {
            @Override
            public boolean isMatchedByConsumeQueue(long tagsCode) {
                return tagsCode == "TagB".hashCode();
            }

            @Override
            public boolean isMatchedByCommitLog(ByteBuffer msgBuffer, Map<String, String> properties) {
                return true;
            }
        };
        GetMessageResult filtered = store.getMessage("g", "T", 0, 0, 32, onlyB);
        assertEquals(GetMessageStatus.FOUND, filtered.getStatus());
        assertEquals(1, filtered.getMessageCount());
        assertEquals(List.of(1L), filtered.getMessageQueueOffset());
        assertEquals(3, filtered.getNextBeginOffset());
        filtered.release();
        GetMessageResult none = store.getMessage("g", "T", 0, 2, 32, onlyB);
        assertEquals(GetMessageStatus.NO_MATCHED_MESSAGE, none.getStatus());
        assertEquals(3, none.getNextBeginOffset());
    }

    @Test
    void transferLimitsInMemory() {
        Map<String, String> raw = new java.util.HashMap<>();
        raw.put("storePathRootDir", dir.toString());
        raw.put("mappedFileSizeCommitLog", "65536");
        raw.put("maxTransferCountOnMessageInMemory", "5");
        store = StoreTestSupport.open(StoreTestSupport.config(raw), clock);
        for (int i = 0; i < 20; i++) {
            store.putMessage(message("T", 0, "m" + i));
        }
        awaitDispatched();
        GetMessageResult got = store.getMessage("g", "T", 0, 0, 32, null);
        assertEquals(5, got.getMessageCount());
        assertEquals(5, got.getNextBeginOffset());
        assertFalse(got.isSuggestPullingFromSlave());
        got.release();
    }

    @Test
    void rollOverAtExactBoundaries() throws Exception {
        MessageStoreConfig config = StoreTestSupport.config(dir);
        int segment = config.mappedFileSizeCommitLog();
        store = StoreTestSupport.open(config, clock);
        MessageExtBrokerInner probe = message("T", 0, new byte[0], null, null);
        int overhead = MessageDecoder.calMsgLength(0, 0, 1, probe.getPropertiesString().length());
        // fill the first segment so that exactly 8 bytes remain: the record fits
        int firstBody = 4000;
        long written = 0;
        while (segment - written - 8 > 2 * (overhead + firstBody)) {
            written += store.putMessage(message("T", 0, new byte[firstBody], null, null)).getAppendMessageResult().getWroteBytes();
        }
        int exactBody = (int) (segment - written - 8 - overhead);
        PutMessageResult exact = store.putMessage(message("T", 0, new byte[exactBody], null, null));
        assertEquals(PutMessageStatus.PUT_OK, exact.getPutMessageStatus());
        assertEquals(written, exact.getAppendMessageResult().getWroteOffset());
        assertEquals(segment - 8, written + exact.getAppendMessageResult().getWroteBytes());
        // the next record does not fit into 8 bytes: an 8-byte blank, then the next segment
        PutMessageResult next = store.putMessage(message("T", 0, "x"));
        assertEquals(segment, next.getAppendMessageResult().getWroteOffset());
        ByteBuffer first = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("commitlog/00000000000000000000")));
        assertEquals(8, first.getInt(segment - 8));
        assertEquals(MessageDecoder.BLANK_MAGIC_CODE, first.getInt(segment - 4));
        assertTrue(new File(dir.toFile(), "commitlog/00000000000000065536").exists());

        // a record one byte too large for the remaining space of segment 2 also rolls over
        long pos2 = next.getAppendMessageResult().getWroteOffset() + next.getAppendMessageResult().getWroteBytes();
        while (2L * segment - pos2 - 8 - overhead + 1 > 6000) {
            pos2 += store.putMessage(message("T", 0, new byte[2000], null, null)).getAppendMessageResult().getWroteBytes();
        }
        int tooBig = (int) (2L * segment - pos2 - 8 - overhead + 1);
        PutMessageResult rolled = store.putMessage(message("T", 0, new byte[tooBig], null, null));
        assertEquals(2L * segment, rolled.getAppendMessageResult().getWroteOffset());
        awaitDispatched();
        long count = store.getMaxOffsetInQueue("T", 0);
        GetMessageResult all = store.getMessage("g", "T", 0, count - 3, 32, null);
        assertEquals(3, all.getMessageCount());
        all.release();
    }

    @Test
    void refusedMessagesWriteNothing() {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
        store.putMessage(message("T", 0, "ok"));
        long max = store.getMaxPhyOffset();
        PutMessageResult big = store.putMessage(message("T", 0, new byte[8 * 1024 + 1], null, null));
        assertEquals(PutMessageStatus.MESSAGE_ILLEGAL, big.getPutMessageStatus());
        assertFalse(big.isOk());
        char[] longTopic = new char[128];
        Arrays.fill(longTopic, 'a');
        assertEquals(PutMessageStatus.MESSAGE_ILLEGAL,
            store.putMessage(message(new String(longTopic), 0, "x")).getPutMessageStatus());
        MessageExtBrokerInner props = message("T", 0, "x");
        char[] huge = new char[40000];
        Arrays.fill(huge, 'p');
        MessageAccessor.putProperty(props, "big", new String(huge));
        props.setPropertiesString(MessageDecoder.messageProperties2String(props.getProperties()));
        assertEquals(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, store.putMessage(props).getPutMessageStatus());
        assertEquals(max, store.getMaxPhyOffset());
        awaitDispatched();
        assertEquals(1, store.getMaxOffsetInQueue("T", 0));
        assertEquals(PutMessageStatus.PUT_OK, store.putMessage(message("T", 0, "after")).getPutMessageStatus());
        assertEquals(1, store.putMessage(message("T", 0, "after2")).getAppendMessageResult().getLogicsOffset() - 1);
    }

    @Test
    void batchPutGetsConsecutiveOffsets() {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
        store.putMessage(message("B", 2, "single"));
        Message a = new Message("B", "TagA", "k1", "one".getBytes(StandardCharsets.UTF_8));
        Message b = new Message("B", "TagB", "k2", "two".getBytes(StandardCharsets.UTF_8));
        MessageBatch batch = MessageBatch.generateFromList(List.of(a, b));
        MessageExtBatch ext = new MessageExtBatch();
        ext.setTopic("B");
        ext.setQueueId(2);
        ext.setBody(batch.encode());
        ext.setBornHost(StoreTestSupport.BORN);
        ext.setStoreHost(StoreTestSupport.STORE);
        ext.setBornTimestamp(clock.millis());
        MessageAccessor.putProperty(ext, "CLUSTER", "C1");
        PutMessageResult r = store.putMessages(ext);
        assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
        assertEquals(1, r.getAppendMessageResult().getLogicsOffset());
        assertEquals(2, r.getAppendMessageResult().getMsgNum());
        String[] ids = r.getAppendMessageResult().getMsgId().split(",");
        assertEquals(2, ids.length);
        awaitDispatched();
        assertEquals(3, store.getMaxOffsetInQueue("B", 2));
        GetMessageResult got = store.getMessage("g", "B", 2, 1, 32, null);
        List<MessageExt> msgs = MessageDecoder.decodes(concat(got.getMessageBufferList()));
        got.release();
        assertEquals(2, msgs.size());
        assertEquals("two", new String(msgs.get(1).getBody(), StandardCharsets.UTF_8));
        assertEquals("TagB", msgs.get(1).getTags());
        assertEquals("C1", msgs.get(1).getProperty("CLUSTER"));
        assertEquals("true", msgs.get(1).getProperty("WAIT"));
        assertEquals(2, msgs.get(1).getQueueOffset());
        assertEquals(ids[1], ((org.mercurymq.common.message.MessageClientExt) msgs.get(1)).getOffsetMsgId());
    }

    @Test
    void runtimeInfoHasRocketMqKeys() {
        store = StoreTestSupport.open(StoreTestSupport.config(dir), clock);
        store.putMessage(message("T", 0, "x"));
        Map<String, String> info = store.getRuntimeInfo();
        assertEquals("1", info.get("putMessageTimesTotal"));
        assertNotNull(info.get("putTps"));
        assertEquals(3, info.get("putTps").split(" ", -1).length);
        assertNotNull(info.get("putMessageDistributeTime"));
        assertEquals(String.valueOf(clock.millis()), info.get("earliestMessageTimeStamp"));
        assertNull(store.whyNotWriteable());
    }
}
