package org.mercurymq.broker.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.controller.ControllerRequestCode;
import org.mercurymq.remoting.protocol.controller.EpochEntryCacheBody;
import org.mercurymq.store.MessageStore;
import org.mercurymq.store.ha.epoch.EpochEntry;

/**
 * GET_BROKER_EPOCH_CACHE (1007, docs/controller.md): this broker's epoch entries and commit-log max offset, as
 * RocketMQ 5 answers it, plus the header field {@code haServerAddr} (the HA address a replica of this master
 * connects to; empty unless it is a master). Thread-safe.
 */
public final class EpochCacheProcessor extends CodeDispatchingProcessor {
    private final Supplier<BrokerConfig> config;
    private final MessageStore store;
    private final Supplier<String> haServerAddr;

    public EpochCacheProcessor(Supplier<BrokerConfig> config, MessageStore store, Supplier<String> haServerAddr) {
        this.config = config;
        this.store = store;
        this.haServerAddr = haServerAddr;
        on(ControllerRequestCode.GET_BROKER_EPOCH_CACHE, this::epochCache);
    }

    private RemotingCommand epochCache(RemotingChannel channel, RemotingCommand request) {
        long max = store.getMaxPhyOffset();
        List<EpochEntry> entries = store.epochEntries();
        List<EpochEntryCacheBody.Entry> list = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            long end = i + 1 < entries.size() ? entries.get(i + 1).startOffset() : max;
            list.add(new EpochEntryCacheBody.Entry(entries.get(i).epoch(), entries.get(i).startOffset(), end));
        }
        BrokerConfig c = config.get();
        RemotingCommand response = TopicAdminProcessor.withBody(request,
            new EpochEntryCacheBody(c.clusterName(), c.brokerName(), c.brokerId(), list, max).encode());
        String ha = haServerAddr.get();
        response.addExtField("haServerAddr", ha == null ? "" : ha);
        return response;
    }
}
