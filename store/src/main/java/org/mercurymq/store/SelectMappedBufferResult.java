package org.mercurymq.store;

import java.nio.ByteBuffer;
import org.mercurymq.store.logfile.MappedFile;

/**
 * A read-only view of stored bytes that pins its segment until {@link #release()} is called.
 * Not thread-safe; release exactly once.
 */
public class SelectMappedBufferResult {
    private final long startOffset;
    private final ByteBuffer byteBuffer;
    private int size;
    private MappedFile mappedFile;

    public SelectMappedBufferResult(long startOffset, ByteBuffer byteBuffer, int size, MappedFile mappedFile) {
        this.startOffset = startOffset;
        this.byteBuffer = byteBuffer;
        this.size = size;
        this.mappedFile = mappedFile;
    }

    public ByteBuffer getByteBuffer() {
        return byteBuffer;
    }

    public int getSize() {
        return size;
    }

    /** Shrinks the view (the buffer's limit follows). */
    public void setSize(int s) {
        this.size = s;
        this.byteBuffer.limit(s);
    }

    public long getStartOffset() {
        return startOffset;
    }

    public synchronized void release() {
        if (this.mappedFile != null) {
            this.mappedFile.release();
            this.mappedFile = null;
        }
    }

    /** Copies the bytes out (position untouched). */
    public byte[] bytes() {
        byte[] out = new byte[size];
        byteBuffer.duplicate().get(out);
        return out;
    }
}
