package org.mercurymq.remoting;

/** Connection lifecycle events, delivered on a single named thread in order. */
public interface ChannelEventListener {
    void onChannelConnect(String remoteAddr, RemotingChannel channel);

    void onChannelClose(String remoteAddr, RemotingChannel channel);

    void onChannelException(String remoteAddr, RemotingChannel channel);

    void onChannelIdle(String remoteAddr, RemotingChannel channel);
}
