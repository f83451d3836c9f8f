package org.mercurymq.remoting.common;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Address and exception text helpers with RocketMQ 4.9's public names. Stateless and thread-safe. */
public final class RemotingHelper {
    public static final String ROCKETMQ_REMOTING = "RocketmqRemoting";
    public static final String DEFAULT_CHARSET = "UTF-8";

    private RemotingHelper() {
    }

    /** {@code e.toString()} plus the first stack frame, the remark of a code-1 reply. */
    public static String exceptionSimpleDesc(Throwable e) {
        StringBuilder sb = new StringBuilder();
        if (e != null) {
            sb.append(e.toString());
            StackTraceElement[] stack = e.getStackTrace();
            if (stack != null && stack.length > 0) {
                sb.append(", ").append(stack[0].toString());
            }
        }
        return sb.toString();
    }

    /** Parses {@code host:port} (the last colon separates the port, so IPv6 literals work). */
    public static SocketAddress string2SocketAddress(String addr) {
        int split = addr.lastIndexOf(':');
        if (split <= 0 || split == addr.length() - 1) {
            throw new IllegalArgumentException("address '" + addr + "' is not host:port");
        }
        String host = addr.substring(0, split);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(addr.substring(split + 1));
        return new InetSocketAddress(host, port);
    }

    /** {@code ip:port} of the channel's peer, or "" when unknown. */
    public static String parseChannelRemoteAddr(Channel channel) {
        if (channel == null) {
            return "";
        }
        return parseSocketAddressAddr(channel.remoteAddress());
    }

    /** {@code ip:port} of the channel's local end, or "" when unknown. */
    public static String parseChannelLocalAddr(Channel channel) {
        if (channel == null) {
            return "";
        }
        return parseSocketAddressAddr(channel.localAddress());
    }

    /** {@code ip:port} without a leading slash or host name, or "" for null. */
    public static String parseSocketAddressAddr(SocketAddress socketAddress) {
        if (socketAddress == null) {
            return "";
        }
        if (socketAddress instanceof InetSocketAddress) {
            InetSocketAddress a = (InetSocketAddress) socketAddress;
            String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
            return host + ":" + a.getPort();
        }
        String s = socketAddress.toString();
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }
}
