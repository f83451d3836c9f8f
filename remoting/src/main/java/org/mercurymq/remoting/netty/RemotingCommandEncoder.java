package org.mercurymq.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.ByteBuffer;
import org.mercurymq.remoting.protocol.BodyRegion;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingCommandCodec;

/**
 * Writes each RemotingCommand as one frame straight into a buffer sized for it. A command with a
 * {@link BodyRegion} body goes out as its encoded header followed by the region's own buffers, uncopied (one
 * gathering write from, for a pull, the mapped commit log); the region is released when that write completes or
 * fails. A command that cannot be encoded fails its write promise. Stateless; shared by all channels.
 */
@ChannelHandler.Sharable
public final class RemotingCommandEncoder extends MessageToByteEncoder<RemotingCommand> {
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        BodyRegion region = msg instanceof RemotingCommand ? ((RemotingCommand) msg).getBodyRegion() : null;
        if (region == null) {
            super.write(ctx, msg, promise);
            return;
        }
        RemotingCommand cmd = (RemotingCommand) msg;
        ChannelPromise written = promise.unvoid();
        written.addListener((ChannelFutureListener) f -> cmd.releaseBodyRegion());
        ByteBuf header = ctx.alloc().ioBuffer(RemotingCommandCodec.estimateFrameLength(cmd));
        try {
            RemotingCommandCodec.encode(cmd, header);
        } catch (RuntimeException e) {
            header.release();
            written.setFailure(new EncoderException(e));
            return;
        }
        ByteBuffer[] parts = region.buffers();
        CompositeByteBuf frame = ctx.alloc().compositeDirectBuffer(parts.length + 1);
        frame.addComponent(true, header);
        for (ByteBuffer part : parts) {
            frame.addComponent(true, Unpooled.wrappedBuffer(part));
        }
        ctx.write(frame, written);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, RemotingCommand msg, boolean preferDirect) {
        int size = RemotingCommandCodec.estimateFrameLength(msg);
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand msg, ByteBuf out) {
        RemotingCommandCodec.encode(msg, out);
    }
}
