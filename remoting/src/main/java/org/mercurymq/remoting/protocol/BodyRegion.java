package org.mercurymq.remoting.protocol;

import java.nio.ByteBuffer;

/**
 * A response body written from buffers the caller owns (for a pull: views of the mapped commit log) instead of a
 * heap {@code byte[]}: the encoder puts the frame's header in front and hands the buffers to the socket as they
 * are, then calls {@link #release()} once the write has completed or failed, or when the command is dropped
 * unwritten. Implementations must tolerate a second {@code release}.
 */
public interface BodyRegion {
    /** Bytes the body adds to the frame: the sum of the buffers' remaining bytes. */
    int length();

    /** The body's bytes, position to limit, in order: fresh views on each call, which the caller may consume. */
    ByteBuffer[] buffers();

    /** Gives the buffers back (unpins what they view). */
    void release();
}
