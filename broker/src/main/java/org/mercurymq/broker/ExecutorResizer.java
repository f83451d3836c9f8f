package org.mercurymq.broker;

import java.util.Map;
import java.util.function.BiConsumer;
import org.mercurymq.broker.executor.RequestExecutor;
import org.mercurymq.common.config.ConfigKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resizes the request executors when UPDATE_BROKER_CONFIG changes a {@code *ThreadPoolNums} key (RocketMQ
 * 4.9.7 needs a restart for these). Queue capacities stay: a bounded queue cannot be resized in place.
 * Thread-safe.
 */
final class ExecutorResizer implements BiConsumer<BrokerConfig, BrokerConfig> {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorResizer.class);

    private final Map<ConfigKey<Integer>, RequestExecutor> executors;

    ExecutorResizer(Map<ConfigKey<Integer>, RequestExecutor> executors) {
        this.executors = executors;
    }

    @Override
    public void accept(BrokerConfig old, BrokerConfig now) {
        for (Map.Entry<ConfigKey<Integer>, RequestExecutor> e : executors.entrySet()) {
            int before = old.get(e.getKey());
            int after = now.get(e.getKey());
            if (before != after) {
                e.getValue().resize(after);
                LOG.info("{} resized from {} to {} threads ({})", e.getValue().name(), before, after, e.getKey().name());
            }
        }
    }
}
