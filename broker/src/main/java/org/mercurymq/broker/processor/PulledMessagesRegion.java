package org.mercurymq.broker.processor;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mercurymq.remoting.protocol.BodyRegion;
import org.mercurymq.store.GetMessageResult;
import org.mercurymq.store.SelectMappedBufferResult;

/**
 * A pull's reply body as the stored records themselves ({@code transferMsgByHeap=false}): views of the mapped
 * commit log, kept pinned until the response has been written, then released once. Thread-safe release.
 */
final class PulledMessagesRegion implements BodyRegion {
    private final GetMessageResult result;
    private final AtomicBoolean released = new AtomicBoolean();

    PulledMessagesRegion(GetMessageResult result) {
        this.result = result;
    }

    @Override
    public int length() {
        return result.getBufferTotalSize();
    }

    @Override
    public ByteBuffer[] buffers() {
        List<SelectMappedBufferResult> pulled = result.getMessageMapedList();
        ByteBuffer[] out = new ByteBuffer[pulled.size()];
        for (int i = 0; i < out.length; i++) {
            // each view's limit is already its record's size (SelectMappedBufferResult)
            out[i] = pulled.get(i).getByteBuffer().duplicate();
        }
        return out;
    }

    @Override
    public void release() {
        if (released.compareAndSet(false, true)) {
            result.release();
        }
    }
}
