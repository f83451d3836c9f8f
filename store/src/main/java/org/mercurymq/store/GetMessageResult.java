package org.mercurymq.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages found by a pull: pinned buffers of stored records (release with {@link #release()}), their
 * queue offsets, the status and the offsets the broker reports. Not thread-safe.
 */
public class GetMessageResult {
    private final List<SelectMappedBufferResult> messageMapedList = new ArrayList<>();
    private final List<ByteBuffer> messageBufferList = new ArrayList<>();
    private final List<Long> messageQueueOffset = new ArrayList<>();
    private GetMessageStatus status;
    private long nextBeginOffset;
    private long minOffset;
    private long maxOffset;
    private int bufferTotalSize;
    private boolean suggestPullingFromSlave;
    private int msgCount4Commercial;

    public void addMessage(SelectMappedBufferResult mapedBuffer, long queueOffset) {
        messageMapedList.add(mapedBuffer);
        messageBufferList.add(mapedBuffer.getByteBuffer());
        bufferTotalSize += mapedBuffer.getSize();
        messageQueueOffset.add(queueOffset);
        msgCount4Commercial += (int) Math.ceil(mapedBuffer.getSize() / 4096.0);
    }

    public void release() {
        for (SelectMappedBufferResult select : messageMapedList) {
            select.release();
        }
    }

    public GetMessageStatus getStatus() {
        return status;
    }

    public void setStatus(GetMessageStatus status) {
        this.status = status;
    }

    public long getNextBeginOffset() {
        return nextBeginOffset;
    }

    public void setNextBeginOffset(long nextBeginOffset) {
        this.nextBeginOffset = nextBeginOffset;
    }

    public long getMinOffset() {
        return minOffset;
    }

    public void setMinOffset(long minOffset) {
        this.minOffset = minOffset;
    }

    public long getMaxOffset() {
        return maxOffset;
    }

    public void setMaxOffset(long maxOffset) {
        this.maxOffset = maxOffset;
    }

    public List<SelectMappedBufferResult> getMessageMapedList() {
        return messageMapedList;
    }

    public List<ByteBuffer> getMessageBufferList() {
        return messageBufferList;
    }

    public List<Long> getMessageQueueOffset() {
        return messageQueueOffset;
    }

    public int getBufferTotalSize() {
        return bufferTotalSize;
    }

    public int getMessageCount() {
        return messageMapedList.size();
    }

    public boolean isSuggestPullingFromSlave() {
        return suggestPullingFromSlave;
    }

    public void setSuggestPullingFromSlave(boolean suggestPullingFromSlave) {
        this.suggestPullingFromSlave = suggestPullingFromSlave;
    }

    public int getMsgCount4Commercial() {
        return msgCount4Commercial;
    }

    @Override
    public String toString() {
        return "GetMessageResult [status=" + status + ", nextBeginOffset=" + nextBeginOffset + ", minOffset="
            + minOffset + ", maxOffset=" + maxOffset + ", bufferTotalSize=" + bufferTotalSize + ", count="
            + getMessageCount() + ", suggestPullingFromSlave=" + suggestPullingFromSlave + "]";
    }
}
