package org.mercurymq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns connection state changes into ChannelEventListener events, closes all-idle and failing
 * connections, and tells its owner when a connection closed. Shared by all channels of one
 * server or client; thread-safe.
 */
@ChannelHandler.Sharable
final class ConnectionEventHandler extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionEventHandler.class);

    private final String role;
    private final ChannelEventDispatcher events;
    private final Consumer<Channel> onClose;

    ConnectionEventHandler(String role, ChannelEventDispatcher events, Consumer<Channel> onClose) {
        this.role = role;
        this.events = events;
        this.onClose = onClose;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        NettyChannel nc = NettyChannel.of(ctx.channel());
        LOG.debug("{}: connection {} active", role, nc.remoteAddress());
        events.publish(ChannelEventType.CONNECT, nc.remoteAddress(), nc);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        NettyChannel nc = NettyChannel.of(ctx.channel());
        LOG.debug("{}: connection {} closed", role, nc.remoteAddress());
        onClose.accept(ctx.channel());
        events.publish(ChannelEventType.CLOSE, nc.remoteAddress(), nc);
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent && ((IdleStateEvent) evt).state() == IdleState.ALL_IDLE) {
            NettyChannel nc = NettyChannel.of(ctx.channel());
            LOG.info("{}: closing idle connection {}", role, nc.remoteAddress());
            ctx.close();
            events.publish(ChannelEventType.IDLE, nc.remoteAddress(), nc);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        NettyChannel nc = NettyChannel.of(ctx.channel());
        if (cause instanceof IOException) {
            LOG.debug("{}: connection {} failed: {}", role, nc.remoteAddress(), cause.toString());
        } else if (ctx.channel().isActive()) {
            LOG.warn("{}: closing connection {} after {}", role, nc.remoteAddress(), cause.toString());
        }
        events.publish(ChannelEventType.EXCEPTION, nc.remoteAddress(), nc);
        ctx.close();
    }
}
