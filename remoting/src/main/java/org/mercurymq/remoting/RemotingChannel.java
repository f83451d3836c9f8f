package org.mercurymq.remoting;

import org.mercurymq.remoting.protocol.RemotingCommand;

/**
 * One live connection as seen by request processors and connection listeners, without exposing
 * Netty types. Implementations are thread-safe; equality is by connection identity.
 */
public interface RemotingChannel {
    /** {@code ip:port} of the peer. */
    String remoteAddress();

    /** {@code ip:port} of this end. */
    String localAddress();

    boolean isActive();

    boolean isWritable();

    /** Writes a response later, e.g. when a suspended long-poll pull completes. */
    void writeResponse(RemotingCommand response);

    void close();
}
