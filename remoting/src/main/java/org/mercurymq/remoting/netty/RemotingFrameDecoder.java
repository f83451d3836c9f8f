package org.mercurymq.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.protocol.RemotingCommandCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the byte stream into frames by the 4-byte length prefix and decodes each into a
 * RemotingCommand. Any bad input (oversize or negative length, header longer than the frame,
 * unknown serialize type, malformed header) logs one line and closes only this connection; the
 * rest of the stream is discarded. One instance per channel; not thread-safe.
 */
public final class RemotingFrameDecoder extends LengthFieldBasedFrameDecoder {
    /** System property with the largest frame in bytes, including the 4-byte length prefix. */
    public static final String FRAME_MAX_LENGTH_PROPERTY = "com.rocketmq.remoting.frameMaxLength";
    public static final int DEFAULT_FRAME_MAX_LENGTH = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RemotingFrameDecoder.class);

    private boolean failed;

    public RemotingFrameDecoder() {
        this(defaultFrameMaxLength());
    }

    public RemotingFrameDecoder(int frameMaxLength) {
        super(frameMaxLength, 0, 4, 0, 4, true);
    }

    /** The frame limit from {@value #FRAME_MAX_LENGTH_PROPERTY}, or 16 MiB. */
    public static int defaultFrameMaxLength() {
        return Integer.getInteger(FRAME_MAX_LENGTH_PROPERTY, DEFAULT_FRAME_MAX_LENGTH);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return null;
        }
        ByteBuf frame = null;
        try {
            frame = (ByteBuf) super.decode(ctx, in);
            if (frame == null) {
                return null;
            }
            return RemotingCommandCodec.decode(frame);
        } catch (Exception e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            LOG.warn("closing connection {}: bad frame: {}", RemotingHelper.parseChannelRemoteAddr(ctx.channel()), e.getMessage());
            ctx.close();
            return null;
        } finally {
            if (frame != null) {
                frame.release();
            }
        }
    }
}
