package org.mercurymq.broker;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.mercurymq.broker.executor.RequestExecutor;
import org.mercurymq.broker.stats.BrokerStats;
import org.mercurymq.common.MQVersion;
import org.mercurymq.store.MessageStore;

/**
 * The GET_BROKER_RUNTIME_INFO table (docs/protocol/behaviour.md §13): the store's statistics plus the broker's version,
 * message totals, request queue sizes and head waiting times. Thread-safe.
 */
final class BrokerRuntimeInfo implements Supplier<Map<String, String>> {
    private final MessageStore store;
    private final BrokerStats stats;
    private final Supplier<BrokerConfig> config;
    private final RequestExecutor send;
    private final RequestExecutor pull;
    private final RequestExecutor query;
    private final RequestExecutor endTransaction;
    private final IntSupplier heldPulls;

    /** @param heldPulls parked long-polling pulls (Mercury's extra key {@code longPollingHeldPulls}) */
    BrokerRuntimeInfo(MessageStore store, BrokerStats stats, Supplier<BrokerConfig> config, RequestExecutor send,
                      RequestExecutor pull, RequestExecutor query, RequestExecutor endTransaction, IntSupplier heldPulls) {
        this.heldPulls = heldPulls;
        this.store = store;
        this.stats = stats;
        this.config = config;
        this.send = send;
        this.pull = pull;
        this.query = query;
        this.endTransaction = endTransaction;
    }

    @Override
    public Map<String, String> get() {
        Map<String, String> info = new TreeMap<>(store.getRuntimeInfo());
        info.put("brokerVersionDesc", MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
        info.put("brokerVersion", String.valueOf(MQVersion.CURRENT_VERSION));
        stats.putRuntimeInfo(info);
        info.put("sendThreadPoolQueueSize", String.valueOf(send.queueSize()));
        info.put("sendThreadPoolQueueCapacity", String.valueOf(send.capacity()));
        info.put("pullThreadPoolQueueSize", String.valueOf(pull.queueSize()));
        info.put("longPollingHeldPulls", String.valueOf(heldPulls.getAsInt()));
        info.put("pullThreadPoolQueueCapacity", String.valueOf(pull.capacity()));
        info.put("queryThreadPoolQueueSize", String.valueOf(query.queueSize()));
        info.put("queryThreadPoolQueueCapacity", String.valueOf(query.capacity()));
        info.put("EndTransactionQueueSize", String.valueOf(endTransaction.queueSize()));
        info.put("EndTransactionThreadPoolQueueCapacity", String.valueOf(endTransaction.capacity()));
        info.put("sendThreadPoolQueueHeadWaitTimeMills", String.valueOf(send.headWaitMillis()));
        info.put("pullThreadPoolQueueHeadWaitTimeMills", String.valueOf(pull.headWaitMillis()));
        info.put("queryThreadPoolQueueHeadWaitTimeMills", String.valueOf(query.headWaitMillis()));
        info.put("startAcceptSendRequestTimeStamp",
            String.valueOf(config.get().get(BrokerConfigKeys.START_ACCEPT_SEND_REQUEST_TIME_STAMP)));
        return info;
    }
}
