package org.mercurymq.remoting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Hands every connection event to several listeners in the given order, so that a server with one
 * listener slot can serve independent duties (client tables, parked pulls). Immutable; thread-safe
 * when its listeners are.
 */
public final class ChannelEventFanout implements ChannelEventListener {
    private final List<ChannelEventListener> listeners;

    public ChannelEventFanout(ChannelEventListener... listeners) {
        this.listeners = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(listeners)));
    }

    @Override
    public void onChannelConnect(String remoteAddr, RemotingChannel channel) {
        for (ChannelEventListener l : listeners) {
            l.onChannelConnect(remoteAddr, channel);
        }
    }

    @Override
    public void onChannelClose(String remoteAddr, RemotingChannel channel) {
        for (ChannelEventListener l : listeners) {
            l.onChannelClose(remoteAddr, channel);
        }
    }

    @Override
    public void onChannelException(String remoteAddr, RemotingChannel channel) {
        for (ChannelEventListener l : listeners) {
            l.onChannelException(remoteAddr, channel);
        }
    }

    @Override
    public void onChannelIdle(String remoteAddr, RemotingChannel channel) {
        for (ChannelEventListener l : listeners) {
            l.onChannelIdle(remoteAddr, channel);
        }
    }
}
