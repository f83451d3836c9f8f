package org.mercurymq.namesrv.routeinfo;

import org.mercurymq.common.DataVersion;
import org.mercurymq.remoting.RemotingChannel;

/** What the name server knows about one registered broker address. Immutable and thread-safe. */
public record BrokerLiveInfo(long lastUpdateTimestamp, DataVersion dataVersion, RemotingChannel channel,
                             String haServerAddr) {

    BrokerLiveInfo refreshed(long now) {
        return new BrokerLiveInfo(now, dataVersion, channel, haServerAddr);
    }
}
