package org.mercurymq.client.impl.factory;

import org.mercurymq.client.impl.ServiceThread;

/**
 * Rebalances every consumer of a client instance every 20 s ({@code rocketmq.client.rebalance.waitInterval})
 * and whenever woken, e.g. by NOTIFY_CONSUMER_IDS_CHANGED. Thread-safe.
 */
public class RebalanceService extends ServiceThread {
    private static final long WAIT_INTERVAL = Long.parseLong(System.getProperty("rocketmq.client.rebalance.waitInterval", "20000"));

    private final MQClientInstance instance;

    public RebalanceService(MQClientInstance instance) {
        super("RebalanceService");
        this.instance = instance;
    }

    @Override
    protected long interval() {
        return WAIT_INTERVAL;
    }

    @Override
    protected void onWaitEnd() {
        instance.doRebalance();
    }
}
