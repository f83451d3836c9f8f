package org.mercurymq.broker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** A RemotingChannel that records what is written to it (tests). Thread-safe. */
public final class FakeChannel implements RemotingChannel {
    private final String remote;
    private final List<RemotingCommand> written = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;

    public FakeChannel(String remote) {
        this.remote = remote;
    }

    @Override
    public String remoteAddress() {
        return remote;
    }

    @Override
    public String localAddress() {
        return "127.0.0.1:10911";
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public boolean isWritable() {
        return active;
    }

    @Override
    public void writeResponse(RemotingCommand response) {
        written.add(response);
    }

    @Override
    public void close() {
        active = false;
    }

    public List<RemotingCommand> written() {
        return written;
    }
}
