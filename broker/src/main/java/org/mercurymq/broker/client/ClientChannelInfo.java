package org.mercurymq.broker.client;

import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.LanguageCode;

/**
 * One client connection registered for a group: the channel, the client id and what the client said about
 * itself, and when it last sent a heartbeat. Immutable; a heartbeat replaces the entry. Thread-safe.
 */
public final class ClientChannelInfo {
    private final RemotingChannel channel;
    private final String clientId;
    private final LanguageCode language;
    private final int version;
    private final long lastUpdateTimestamp;

    public ClientChannelInfo(RemotingChannel channel, String clientId, LanguageCode language, int version,
                             long lastUpdateTimestamp) {
        this.channel = channel;
        this.clientId = clientId;
        this.language = language;
        this.version = version;
        this.lastUpdateTimestamp = lastUpdateTimestamp;
    }

    public RemotingChannel channel() {
        return channel;
    }

    public String clientId() {
        return clientId;
    }

    public LanguageCode language() {
        return language;
    }

    public int version() {
        return version;
    }

    public long lastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }

    /**
     * Why the housekeeping scan drops this member now ("on a closed connection", "silent for N ms" after
     * {@code expiryMillis} without a heartbeat), or null to keep it.
     */
    String dropReason(long now, long expiryMillis) {
        if (!channel.isActive()) {
            return "on a closed connection";
        }
        long silent = now - lastUpdateTimestamp;
        return silent > expiryMillis ? "silent for " + silent + " ms" : null;
    }

    public String remoteAddress() {
        return channel.remoteAddress();
    }

    @Override
    public String toString() {
        return "ClientChannelInfo[" + clientId + "@" + channel.remoteAddress() + ", " + language + ", v" + version + "]";
    }
}
