package org.mercurymq.store;

import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Supplier;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.store.commitlog.CommitLog;
import org.mercurymq.store.index.IndexService;
import org.mercurymq.store.index.QueryOffsetResult;
import org.mercurymq.store.queue.ConsumeQueue;
import org.mercurymq.store.queue.ConsumeQueueTable;

/**
 * The read side of the store: pulls by queue offset (docs/protocol/behaviour.md section 6), lookups by commit-log
 * offset, key queries and offset/time searches. Thread-safe (stateless over thread-safe parts).
 */
final class MessageReader {
    private final Supplier<MessageStoreConfig> liveConfig;
    private final CommitLog commitLog;
    private final ConsumeQueueTable consumeQueues;
    private final IndexService indexService;
    private final long totalPhysicalMemory;

    MessageReader(Supplier<MessageStoreConfig> liveConfig, CommitLog commitLog, ConsumeQueueTable consumeQueues,
                  IndexService indexService, long totalPhysicalMemory) {
        this.liveConfig = liveConfig;
        this.commitLog = commitLog;
        this.consumeQueues = consumeQueues;
        this.indexService = indexService;
        this.totalPhysicalMemory = totalPhysicalMemory;
    }

    GetMessageResult getMessage(String topic, int queueId, long offset, int maxMsgNums, MessageFilter filter) {
        GetMessageResult result = new GetMessageResult();
        long minOffset = 0;
        long maxOffset = 0;
        long nextBeginOffset = offset;
        GetMessageStatus status;
        long maxOffsetPy = commitLog.getMaxOffset();
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        if (cq == null) {
            status = GetMessageStatus.NO_MATCHED_LOGIC_QUEUE;
            nextBeginOffset = correct(offset, 0);
        } else {
            minOffset = cq.getMinOffsetInQueue();
            maxOffset = cq.getMaxOffsetInQueue();
            if (maxOffset == 0) {
                status = GetMessageStatus.NO_MESSAGE_IN_QUEUE;
                nextBeginOffset = correct(offset, 0);
            } else if (offset < minOffset) {
                status = GetMessageStatus.OFFSET_TOO_SMALL;
                nextBeginOffset = correct(offset, minOffset);
            } else if (offset == maxOffset) {
                status = GetMessageStatus.OFFSET_OVERFLOW_ONE;
                nextBeginOffset = correct(offset, offset);
            } else if (offset > maxOffset) {
                status = GetMessageStatus.OFFSET_OVERFLOW_BADLY;
                nextBeginOffset = correct(offset, maxOffset);
            } else {
                SelectMappedBufferResult entries = cq.getIndexBuffer(offset);
                if (entries == null) {
                    status = GetMessageStatus.OFFSET_FOUND_NULL;
                    nextBeginOffset = correct(offset, cq.rollNextFile(offset));
                } else {
                    try {
                        ScanOutcome outcome = scan(entries, offset, maxMsgNums, filter, maxOffsetPy, result);
                        status = outcome.status();
                        nextBeginOffset = offset + outcome.scanned();
                    } finally {
                        entries.release();
                    }
                }
            }
        }
        result.setStatus(status);
        result.setNextBeginOffset(nextBeginOffset);
        result.setMinOffset(minOffset);
        result.setMaxOffset(maxOffset);
        return result;
    }

    private record ScanOutcome(GetMessageStatus status, int scanned) {
    }

    private ScanOutcome scan(SelectMappedBufferResult entries, long offset, int maxMsgNums,
                                  MessageFilter filter, long maxOffsetPy, GetMessageResult result) {
        GetMessageStatus status = GetMessageStatus.NO_MATCHED_MESSAGE;
        long nextPhyFileStartOffset = Long.MIN_VALUE;
        long maxPhyOffsetPulling = 0;
        int maxFilterMessageCount = Math.max(16000, maxMsgNums * ConsumeQueue.CQ_STORE_UNIT_SIZE);
        ByteBuffer buf = entries.getByteBuffer();
        int i = 0;
        for (; i < entries.getSize() && i < maxFilterMessageCount; i += ConsumeQueue.CQ_STORE_UNIT_SIZE) {
            long offsetPy = buf.getLong(i);
            int sizePy = buf.getInt(i + 8);
            long tagsCode = buf.getLong(i + 12);
            maxPhyOffsetPulling = offsetPy;
            if (nextPhyFileStartOffset != Long.MIN_VALUE && offsetPy < nextPhyFileStartOffset) {
                continue;
            }
            boolean isInDisk = checkInDiskByCommitOffset(offsetPy, maxOffsetPy);
            if (isTheBatchFull(sizePy, maxMsgNums, result.getBufferTotalSize(), result.getMessageCount(), isInDisk)) {
                break;
            }
            if (filter != null && !filter.isMatchedByConsumeQueue(tagsCode)) {
                if (result.getMessageCount() == 0) {
                    status = GetMessageStatus.NO_MATCHED_MESSAGE;
                }
                continue;
            }
            SelectMappedBufferResult msg = commitLog.getMessage(offsetPy, sizePy);
            if (msg == null) {
                if (result.getMessageCount() == 0) {
                    status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                }
                nextPhyFileStartOffset = commitLog.rollNextFile(offsetPy);
                continue;
            }
            if (!isRecordAt(msg.getByteBuffer(), offsetPy, sizePy)) {
                // the entry points into a commit-log hole (docs/store.md "Holes"): its message is lost
                msg.release();
                continue;
            }
            if (filter != null && !filter.isMatchedByCommitLog(msg.getByteBuffer().slice(), null)) {
                if (result.getMessageCount() == 0) {
                    status = GetMessageStatus.NO_MATCHED_MESSAGE;
                }
                msg.release();
                continue;
            }
            result.addMessage(msg, offset + i / ConsumeQueue.CQ_STORE_UNIT_SIZE);
            status = GetMessageStatus.FOUND;
            nextPhyFileStartOffset = Long.MIN_VALUE;
        }
        long diff = maxOffsetPy - maxPhyOffsetPulling;
        long memory = (long) (totalPhysicalMemory * (liveConfig.get().accessMessageInMemoryMaxRatio() / 100.0));
        result.setSuggestPullingFromSlave(diff > memory);
        return new ScanOutcome(status, i / ConsumeQueue.CQ_STORE_UNIT_SIZE);
    }

    private static boolean isRecordAt(ByteBuffer record, long offsetPy, int sizePy) {
        return sizePy > MessageDecoder.PHY_POS_POSITION + 8 && record.getInt(0) == sizePy
            && record.getInt(MessageDecoder.MESSAGE_MAGIC_CODE_POSTION) == MessageDecoder.MESSAGE_MAGIC_CODE
            && record.getLong(MessageDecoder.PHY_POS_POSITION) == offsetPy;
    }

    private boolean isTheBatchFull(int sizePy, int maxMsgNums, int bufferTotal, int messageTotal, boolean isInDisk) {
        if (bufferTotal == 0 || messageTotal == 0) {
            return false;
        }
        if (maxMsgNums <= messageTotal) {
            return true;
        }
        if (isInDisk) {
            return bufferTotal + sizePy > liveConfig.get().maxTransferBytesOnMessageInDisk()
                || messageTotal > liveConfig.get().maxTransferCountOnMessageInDisk() - 1;
        }
        return bufferTotal + sizePy > liveConfig.get().maxTransferBytesOnMessageInMemory()
            || messageTotal > liveConfig.get().maxTransferCountOnMessageInMemory() - 1;
    }

    boolean checkInDiskByCommitOffset(long offsetPy, long maxOffsetPy) {
        long memory = (long) (totalPhysicalMemory * (liveConfig.get().accessMessageInMemoryMaxRatio() / 100.0));
        return (maxOffsetPy - offsetPy) > memory;
    }

    /** A master (or a slave with offsetCheckInSlave) corrects the pull offset; other slaves keep it. */
    private long correct(long oldOffset, long newOffset) {
        if (liveConfig.get().brokerRole() != BrokerRole.SLAVE || liveConfig.get().offsetCheckInSlave()) {
            return newOffset;
        }
        return oldOffset;
    }

    // ---- lookups --------------------------------------------------------------------------------

    SelectMappedBufferResult selectOneMessageByOffset(long commitLogOffset) {
        SelectMappedBufferResult head = commitLog.getMessage(commitLogOffset, 4);
        if (head == null) {
            return null;
        }
        int size;
        try {
            size = head.getByteBuffer().getInt(0);
        } finally {
            head.release();
        }
        if (size <= MessageDecoder.PHY_POS_POSITION + 8) {
            return null;
        }
        SelectMappedBufferResult record = commitLog.getMessage(commitLogOffset, size);
        if (record != null && !isRecordAt(record.getByteBuffer(), commitLogOffset, size)) {
            record.release();
            return null;
        }
        return record;
    }

    MessageExt lookMessageByOffset(long commitLogOffset) {
        SelectMappedBufferResult r = selectOneMessageByOffset(commitLogOffset);
        if (r == null) {
            return null;
        }
        try {
            return MessageDecoder.decode(r.getByteBuffer(), true, false);
        } finally {
            r.release();
        }
    }

    QueryMessageResult queryMessage(String topic, String key, int maxNum, long begin, long end) {
        QueryMessageResult result = new QueryMessageResult();
        if (indexService == null) {
            return result;
        }
        QueryOffsetResult offsets = indexService.queryOffset(topic, key, maxNum, begin, end);
        result.setIndexLastUpdateTimestamp(offsets.getIndexLastUpdateTimestamp());
        result.setIndexLastUpdatePhyoffset(offsets.getIndexLastUpdatePhyoffset());
        for (long offset : new LinkedHashSet<>(offsets.getPhyOffsets())) {
            SelectMappedBufferResult r = selectOneMessageByOffset(offset);
            if (r == null) {
                continue;
            }
            if (matchesKey(r.getByteBuffer(), topic, key)) {
                result.addMessage(r);
            } else {
                r.release();
            }
        }
        return result;
    }

    /** Guards against hash collisions and stale index entries: the record must carry the topic and key. */
    private static boolean matchesKey(ByteBuffer record, String topic, String key) {
        MessageExt msg = MessageDecoder.decode(record.duplicate(), false, false);
        if (msg == null || !topic.equals(msg.getTopic())) {
            return false;
        }
        Map<String, String> props = msg.getProperties();
        if (props == null) {
            return false;
        }
        if (key.equals(props.get(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX))) {
            return true;
        }
        String keys = props.get(MessageConst.PROPERTY_KEYS);
        if (keys != null) {
            for (String k : keys.split(MessageConst.KEY_SEPARATOR)) {
                if (k.equals(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    long getOffsetInQueueByTime(String topic, int queueId, long timestamp) {
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        if (cq == null) {
            return 0;
        }
        return cq.getOffsetInQueueByTime(timestamp, (offset, size) -> commitLog.pickupStoreTimestamp(offset, (int) size),
            commitLog.getMinOffset());
    }

    long getMessageStoreTimeStamp(String topic, int queueId, long consumeQueueOffset) {
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        if (cq == null) {
            return -1;
        }
        SelectMappedBufferResult entry = cq.getIndexBuffer(consumeQueueOffset);
        if (entry == null) {
            return -1;
        }
        try {
            return commitLog.pickupStoreTimestamp(entry.getByteBuffer().getLong(0), entry.getByteBuffer().getInt(8));
        } finally {
            entry.release();
        }
    }

    long getEarliestMessageTime() {
        long minPhy = commitLog.getMinOffset();
        if (minPhy < 0) {
            return -1;
        }
        SelectMappedBufferResult r = selectOneMessageByOffset(minPhy);
        if (r == null) {
            return -1;
        }
        try {
            ByteBuffer buf = r.getByteBuffer();
            return buf.getLong(MessageDecoder.storeTimestampPosition(buf.getInt(MessageDecoder.SYSFLAG_POSITION)));
        } finally {
            r.release();
        }
    }

    boolean checkInDiskByConsumeOffset(String topic, int queueId, long consumeOffset) {
        ConsumeQueue cq = consumeQueues.find(topic, queueId);
        if (cq == null) {
            return false;
        }
        SelectMappedBufferResult entry = cq.getIndexBuffer(consumeOffset);
        if (entry == null) {
            return false;
        }
        try {
            return checkInDiskByCommitOffset(entry.getByteBuffer().getLong(0), commitLog.getMaxOffset());
        } finally {
            entry.release();
        }
    }
}
