package org.mercurymq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RemotingChannel view of a Netty channel; one instance per channel (kept as a channel
 * attribute), equal by the underlying channel. Thread-safe.
 */
public final class NettyChannel implements RemotingChannel {
    private static final Logger LOG = LoggerFactory.getLogger(NettyChannel.class);
    private static final AttributeKey<NettyChannel> KEY = AttributeKey.valueOf("mercury.remotingChannel");

    private final Channel channel;
    private final String remoteAddress;

    private NettyChannel(Channel channel) {
        this.channel = channel;
        this.remoteAddress = RemotingHelper.parseChannelRemoteAddr(channel);
    }

    /** The wrapper of {@code channel}, created on first use. */
    public static NettyChannel of(Channel channel) {
        NettyChannel existing = channel.attr(KEY).get();
        if (existing != null) {
            return existing;
        }
        NettyChannel created = new NettyChannel(channel);
        existing = channel.attr(KEY).setIfAbsent(created);
        return existing != null ? existing : created;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String localAddress() {
        return RemotingHelper.parseChannelLocalAddr(channel);
    }

    @Override
    public boolean isActive() {
        return channel.isActive();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public void writeResponse(RemotingCommand response) {
        if (response == null) {
            return;
        }
        response.markResponseType();
        channel.writeAndFlush(response).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                return;
            }
            if (channel.isActive()) {
                LOG.warn("writing response opaque={} code={} to {} failed: {}", response.getOpaque(), response.getCode(),
                    remoteAddress, f.cause() == null ? "unknown" : f.cause().toString());
            } else {
                // the peer is gone: expected, and a client that pipelines requests and leaves would flood the log
                LOG.debug("response opaque={} code={} to closed connection {} dropped", response.getOpaque(),
                    response.getCode(), remoteAddress);
            }
        });
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NettyChannel && ((NettyChannel) o).channel == channel;
    }

    @Override
    public int hashCode() {
        return channel.hashCode();
    }

    @Override
    public String toString() {
        return "NettyChannel[" + remoteAddress + "]";
    }
}
