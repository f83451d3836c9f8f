package org.mercurymq.broker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.config.ConfigTable;

/**
 * The broker's current configuration, replaced as a whole by UPDATE_BROKER_CONFIG. Components that
 * honour runtime changes read {@link #get()} per request; store and Netty settings take effect at the
 * next start only. Thread-safe.
 */
public final class BrokerConfigHolder implements Supplier<BrokerConfig> {
    private final List<BiConsumer<BrokerConfig, BrokerConfig>> listeners = new CopyOnWriteArrayList<>();
    private volatile BrokerConfig current;
    private volatile DataVersion dataVersion = DataVersion.initial();

    public BrokerConfigHolder(BrokerConfig initial) {
        this.current = initial;
    }

    @Override
    public BrokerConfig get() {
        return current;
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** Called with (old, new) after every successful update. */
    public void addListener(BiConsumer<BrokerConfig, BrokerConfig> listener) {
        listeners.add(listener);
    }

    /** Validates and applies text overrides; throws ConfigException (nothing changed) on an invalid value. */
    public synchronized void update(Map<String, String> raw, ConfigTable.WarningSink warnings) {
        BrokerConfig old = current;
        BrokerConfig next = old.withRaw(raw, warnings);
        current = next;
        dataVersion = dataVersion.nextVersion();
        for (BiConsumer<BrokerConfig, BrokerConfig> l : listeners) {
            l.accept(old, next);
        }
    }
}
