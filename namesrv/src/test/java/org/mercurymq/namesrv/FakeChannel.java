package org.mercurymq.namesrv;

import java.util.concurrent.atomic.AtomicBoolean;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** A connection stand-in for processor and route-table tests; equality by identity. */
public final class FakeChannel implements RemotingChannel {
    private final String remote;
    private final AtomicBoolean closed = new AtomicBoolean();

    public FakeChannel(String remote) {
        this.remote = remote;
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public String localAddress() {
        return "127.0.0.1:9876";
    }

    @Override
    public boolean isActive() {
        return !closed.get();
    }

    @Override
    public boolean isWritable() {
        return !closed.get();
    }

    @Override
    public void writeResponse(RemotingCommand response) {
    }

    @Override
    public void close() {
        closed.set(true);
    }

    public boolean isClosed() {
        return closed.get();
    }
}
