package org.mercurymq.broker.client;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigKeys;
import org.mercurymq.broker.metadata.SubscriptionGroupManager;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.store.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Read-slowly protection (docs/broker.md): with {@code disableConsumeIfConsumerReadSlowly=true}, a group whose
 * pull reads messages more than {@code consumerFallbehindThreshold} bytes behind the end of the commit log
 * gets {@code consumeEnable=false} (its pulls are then answered NO_PERMISSION until an operator re-enables it
 * with updateSubGroup). The distance is measured on every successful pull while the store key
 * {@code diskFallRecorded} is true. RocketMQ samples the same distance per pull but acts on it every three
 * minutes; Mercury acts on the pull that crosses the threshold. Thread-safe.
 */
public final class ReadSlowlyProtection {
    private static final Logger LOG = LoggerFactory.getLogger(ReadSlowlyProtection.class);

    private final Supplier<BrokerConfig> config;
    private final SubscriptionGroupManager groups;
    private final LongSupplier maxPhyOffset;

    public ReadSlowlyProtection(Supplier<BrokerConfig> config, SubscriptionGroupManager groups, LongSupplier maxPhyOffset) {
        this.config = config;
        this.groups = groups;
        this.maxPhyOffset = maxPhyOffset;
    }

    /** After a pull of {@code group} returned messages, the last one stored at {@code lastPhysicalOffset}. */
    public void onPulled(String group, String topic, int queueId, long lastPhysicalOffset) {
        BrokerConfig c = config.get();
        if (!c.get(BrokerConfigKeys.DISABLE_CONSUME_IF_CONSUMER_READ_SLOWLY) || !c.get(MessageStoreConfig.DISK_FALL_RECORDED)) {
            return;
        }
        long fallBehind = maxPhyOffset.getAsLong() - lastPhysicalOffset;
        long threshold = c.get(BrokerConfigKeys.CONSUMER_FALLBEHIND_THRESHOLD);
        if (fallBehind <= threshold) {
            return;
        }
        disable(group, topic, queueId, fallBehind, threshold);
    }

    private synchronized void disable(String group, String topic, int queueId, long fallBehind, long threshold) {
        SubscriptionGroupConfig current = groups.get(group);
        if (current == null || !current.isConsumeEnable()) {
            return;
        }
        SubscriptionGroupConfig disabled = new SubscriptionGroupConfig(current.getGroupName());
        disabled.setConsumeEnable(false);
        disabled.setConsumeFromMinEnable(current.isConsumeFromMinEnable());
        disabled.setConsumeBroadcastEnable(current.isConsumeBroadcastEnable());
        disabled.setRetryQueueNums(current.getRetryQueueNums());
        disabled.setRetryMaxTimes(current.getRetryMaxTimes());
        disabled.setBrokerId(current.getBrokerId());
        disabled.setWhichBrokerWhenConsumeSlowly(current.getWhichBrokerWhenConsumeSlowly());
        disabled.setNotifyConsumerIdsChangedEnable(current.isNotifyConsumerIdsChangedEnable());
        groups.updateSubscriptionGroupConfig(disabled);
        LOG.warn("[PROTECT_BROKER] consumer group {} reads {} bytes behind the commit log (queue {}@{}), more than "
            + "consumerFallbehindThreshold {}: consumption disabled (consumeEnable=false; re-enable with updateSubGroup)",
            LogEscape.of(group), fallBehind, queueId, LogEscape.of(topic), threshold);
    }
}
