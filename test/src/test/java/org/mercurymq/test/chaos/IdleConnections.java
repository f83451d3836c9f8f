package org.mercurymq.test.chaos;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.common.protocol.heartbeat.ProducerData;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * Many raw TCP connections to one daemon that do nothing after connecting, except (optionally) one
 * HEART_BEAT request each, framed by the official 4.9.7 RemotingCommand, as an idle producer would send.
 * Responses are never read. {@link #open} / {@link #close}; not thread-safe.
 */
public final class IdleConnections implements AutoCloseable {
    private final List<SocketChannel> channels = new ArrayList<>();

    /** Opens {@code count} connections; returns how many are established. */
    public int open(String host, int port, int count, boolean heartbeat) throws IOException {
        InetSocketAddress target = new InetSocketAddress(host, port);
        for (int i = 0; i < count; i++) {
            SocketChannel ch = SocketChannel.open();
            channels.add(ch);
            ch.connect(target);
            if (heartbeat) {
                ByteBuffer frame = heartbeat("chaos-idle-" + i);
                while (frame.hasRemaining()) {
                    ch.write(frame);
                }
            }
        }
        return (int) channels.stream().filter(SocketChannel::isConnected).count();
    }

    private static ByteBuffer heartbeat(String clientId) {
        HeartbeatData data = new HeartbeatData();
        data.setClientID(clientId);
        ProducerData p = new ProducerData();
        p.setGroupName("chaos-idle-pg");
        data.getProducerDataSet().add(p);
        RemotingCommand cmd = RemotingCommand.createRequestCommand(RequestCode.HEART_BEAT, null);
        cmd.setBody(data.encode());
        return cmd.encode();
    }

    public List<SocketChannel> channels() {
        return Collections.unmodifiableList(channels);
    }

    @Override
    public void close() {
        for (SocketChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        channels.clear();
    }
}
