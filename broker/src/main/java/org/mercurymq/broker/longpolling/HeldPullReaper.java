package org.mercurymq.broker.longpolling;

import org.mercurymq.remoting.ChannelEventListener;
import org.mercurymq.remoting.RemotingChannel;

/**
 * Drops the parked pulls of a connection as soon as it closes, fails or idles out: nobody is left to
 * read their answers, and keeping them would let a client park pulls, disconnect and repeat until the
 * heap is full (docs/reliability.md, "Hostile input"). Stateless; thread-safe.
 */
public final class HeldPullReaper implements ChannelEventListener {
    private final PullRequestHoldService holdService;

    public HeldPullReaper(PullRequestHoldService holdService) {
        this.holdService = holdService;
    }

    @Override
    public void onChannelConnect(String remoteAddr, RemotingChannel channel) {
    }

    @Override
    public void onChannelClose(String remoteAddr, RemotingChannel channel) {
        holdService.dropChannel(channel);
    }

    @Override
    public void onChannelException(String remoteAddr, RemotingChannel channel) {
        holdService.dropChannel(channel);
    }

    @Override
    public void onChannelIdle(String remoteAddr, RemotingChannel channel) {
        holdService.dropChannel(channel);
    }
}
