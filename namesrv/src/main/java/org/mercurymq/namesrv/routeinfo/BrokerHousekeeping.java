package org.mercurymq.namesrv.routeinfo;

import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.RemotingChannel;

/**
 * Removes the brokers registered over a connection as soon as that connection closes, fails or goes idle.
 * Thread-safe (delegates to {@link RouteInfoManager}).
 */
public final class BrokerHousekeeping implements ChannelEventListener {
    private final RouteInfoManager routes;

    public BrokerHousekeeping(RouteInfoManager routes) {
        this.routes = routes;
    }

    @Override
    public void onChannelConnect(String remoteAddr, RemotingChannel channel) {
    }

    @Override
    public void onChannelClose(String remoteAddr, RemotingChannel channel) {
        routes.onChannelDestroy(channel);
    }

    @Override
    public void onChannelException(String remoteAddr, RemotingChannel channel) {
        routes.onChannelDestroy(channel);
    }

    @Override
    public void onChannelIdle(String remoteAddr, RemotingChannel channel) {
        routes.onChannelDestroy(channel);
    }
}
