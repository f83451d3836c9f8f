package org.mercurymq.broker.longpolling;

import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.store.MessageFilter;

/** A parked pull (docs/protocol/behaviour.md §6): the request, its connection, from which offset, until when. Immutable. */
public final class PullRequest {
    private final RemotingCommand request;
    private final RemotingChannel channel;
    private final long timeoutMillis;
    private final long suspendTimestamp;
    private final long pullFromThisOffset;
    private final MessageFilter filter;

    public PullRequest(RemotingCommand request, RemotingChannel channel, long timeoutMillis, long suspendTimestamp,
                       long pullFromThisOffset, MessageFilter filter) {
        this.request = request;
        this.channel = channel;
        this.timeoutMillis = timeoutMillis;
        this.suspendTimestamp = suspendTimestamp;
        this.pullFromThisOffset = pullFromThisOffset;
        this.filter = filter;
    }

    public RemotingCommand request() {
        return request;
    }

    public RemotingChannel channel() {
        return channel;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public long suspendTimestamp() {
        return suspendTimestamp;
    }

    public long pullFromThisOffset() {
        return pullFromThisOffset;
    }

    public MessageFilter filter() {
        return filter;
    }

    boolean isExpired(long now) {
        return now >= suspendTimestamp + timeoutMillis;
    }
}
