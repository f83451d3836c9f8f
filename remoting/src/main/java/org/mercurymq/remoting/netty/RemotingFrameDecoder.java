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
 * rest of the stream is discarded. On a server, the bytes of an incomplete frame are accounted in the
 * server's {@link IncompleteFrameBudget}, which may close this connection when it holds too much.
 * One instance per channel; not thread-safe.
 */
public final class RemotingFrameDecoder extends LengthFieldBasedFrameDecoder {
    /** System property with the largest frame in bytes, including the 4-byte length prefix. */
    public static final String FRAME_MAX_LENGTH_PROPERTY = "com.rocketmq.remoting.frameMaxLength";
    public static final int DEFAULT_FRAME_MAX_LENGTH = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RemotingFrameDecoder.class);

    private final IncompleteFrameBudget budget;
    private IncompleteFrameBudget.Pending pending;
    private boolean failed;

    public RemotingFrameDecoder() {
        this(defaultFrameMaxLength());
    }

    public RemotingFrameDecoder(int frameMaxLength) {
        this(frameMaxLength, null);
    }

    /** @param budget where incomplete frames are accounted, or null for none (clients) */
    public RemotingFrameDecoder(int frameMaxLength, IncompleteFrameBudget budget) {
        super(frameMaxLength, 0, 4, 0, 4, true);
        this.budget = budget;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        if (budget != null) {
            pending = budget.open(ctx.channel());
        }
        super.handlerAdded(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        long read = msg instanceof ByteBuf ? ((ByteBuf) msg).readableBytes() : 0;
        super.channelRead(ctx, msg);
        if (pending != null) {
            // what is left in the cumulation is an incomplete frame; its capacity is the memory it holds
            ByteBuf left = internalBuffer();
            pending.update(left.isReadable() ? left.capacity() : 0, read);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        try {
            super.channelInactive(ctx);
        } finally {
            if (pending != null) {
                pending.release();
            }
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (pending != null) {
            pending.release();
        }
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
