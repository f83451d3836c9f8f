package org.mercurymq.broker.client;

import java.util.List;
import org.mercurymq.remoting.RemotingChannel;

/** Told when a consumer group's members or subscriptions changed, with its channels. Implementations must be thread-safe. */
@FunctionalInterface
public interface ConsumerIdsChangeListener {
    void consumerIdsChanged(String group, List<RemotingChannel> channels);
}
