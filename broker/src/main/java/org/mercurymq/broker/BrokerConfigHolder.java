package org.mercurymq.broker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.common.config.ConfigFileEditor;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;

/**
 * The broker's running configuration and its UPDATE_BROKER_CONFIG path (docs/broker.md, live configuration).
 * An update is validated as a whole, written into the config file given with {@code -c} (comments and key
 * order kept, atomic replace), and then the keys marked {@link ConfigKey#runtime()} become current: components
 * that honour them read {@link #get()} per use or are re-applied by a listener. Keys that need a restart are
 * only saved to the file; the running value stays until the next start, so {@link #get()} always tells what
 * is in effect. Thread-safe.
 */
public final class BrokerConfigHolder implements Supplier<BrokerConfig> {
    private final List<BiConsumer<BrokerConfig, BrokerConfig>> listeners = new CopyOnWriteArrayList<>();
    private final Path configFile;
    private volatile BrokerConfig current;
    private volatile DataVersion dataVersion = DataVersion.initial();

    public BrokerConfigHolder(BrokerConfig initial) {
        this(initial, null);
    }

    /** {@code configFile}: the file updates are saved to (the {@code -c} file), or null when there is none. */
    public BrokerConfigHolder(BrokerConfig initial, Path configFile) {
        this.current = initial;
        this.configFile = configFile;
    }

    @Override
    public BrokerConfig get() {
        return current;
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** The file updates are saved to, or null. */
    public Path configFile() {
        return configFile;
    }

    /** Called with (old, new) after every update that changed a run-time key. */
    public void addListener(BiConsumer<BrokerConfig, BrokerConfig> listener) {
        listeners.add(listener);
    }

    /**
     * Validates {@code raw}, saves the known keys to the config file and applies the run-time ones. Throws
     * {@link ConfigException} (nothing changed) on an invalid value or when a restart-only key cannot be saved
     * because the broker has no config file; {@link IOException} (nothing changed) when the file cannot be
     * written. Unknown keys are reported to {@code warnings} and neither saved nor applied.
     */
    public synchronized Result update(Map<String, String> raw, ConfigTable.WarningSink warnings) throws IOException {
        ConfigTable table = BrokerConfig.TABLE;
        Map<String, String> known = new LinkedHashMap<>();
        Map<String, String> runtime = new LinkedHashMap<>();
        List<String> restart = new ArrayList<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            ConfigKey<?> key = table.key(e.getKey());
            if (key == null) {
                String near = table.nearest(e.getKey());
                warnings.warn("unknown config key '" + e.getKey() + "' ignored"
                    + (near == null ? "" : ", did you mean '" + near + "'?"));
                continue;
            }
            String value = e.getValue() == null ? "" : e.getValue().trim();
            key.parse(value);
            known.put(key.name(), value);
            if (key.appliesAtRuntime()) {
                runtime.put(key.name(), value);
            } else {
                restart.add(key.name());
            }
        }
        BrokerConfig old = current;
        BrokerConfig next = runtime.isEmpty() ? old : old.withRaw(runtime, warnings);
        if (!restart.isEmpty() && configFile == null) {
            throw new ConfigException(String.join(", ", restart) + " take(s) effect only at a restart and the broker "
                + "was started without a config file (-c) to save them to; nothing was changed");
        }
        if (configFile != null && !known.isEmpty()) {
            ConfigFileEditor.update(configFile, known);
        }
        if (next != old) {
            current = next;
            dataVersion = dataVersion.nextVersion();
            for (BiConsumer<BrokerConfig, BrokerConfig> l : listeners) {
                l.accept(old, next);
            }
        }
        return new Result(new ArrayList<>(runtime.keySet()), restart, configFile != null && !known.isEmpty());
    }

    /**
     * Replaces the running {@code namesrvAddr} with a list learnt at run time (the name-server address server); not
     * saved to the file. Throws ConfigException (nothing changed) when the list is not {@code host:port;...}.
     */
    public synchronized void useNamesrvAddr(String addrs) {
        for (String a : BrokerConfig.splitNamesrv(addrs)) {
            BrokerConfigLoader.checkAddress(a);
        }
        BrokerConfig old = current;
        BrokerConfig next = new BrokerConfig(old.config().with(BrokerConfigKeys.NAMESRV_ADDR, addrs));
        current = next;
        for (BiConsumer<BrokerConfig, BrokerConfig> l : listeners) {
            l.accept(old, next);
        }
    }

    /**
     * Controller mode (docs/controller.md): the role and id the controller gave become the running values (never
     * saved to the file: the next start asks the controller again). Listeners are told as for an update.
     */
    public synchronized void switchRole(org.mercurymq.store.BrokerRole role, long brokerId) {
        BrokerConfig old = current;
        BrokerConfig next = new BrokerConfig(old.config()
            .with(org.mercurymq.store.MessageStoreConfig.BROKER_ROLE, role)
            .with(BrokerConfigKeys.BROKER_ID, brokerId));
        current = next;
        for (BiConsumer<BrokerConfig, BrokerConfig> l : listeners) {
            l.accept(old, next);
        }
    }

    /** What an update did: the keys applied at once, the keys saved for the next start, whether the file was written. */
    public record Result(List<String> applied, List<String> restartNeeded, boolean saved) {
        /** One line for the response remark and the log. */
        public String describe(Path file) {
            StringBuilder sb = new StringBuilder();
            if (!applied.isEmpty()) {
                sb.append("applied now: ").append(String.join(", ", applied));
            }
            if (!restartNeeded.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append("take(s) effect after a restart (the running value is kept until then): ")
                    .append(String.join(", ", restartNeeded));
            }
            if (saved) {
                sb.append("; saved to ").append(file);
            } else if (!applied.isEmpty()) {
                sb.append("; not saved (no config file given with -c): lost at a restart");
            }
            return sb.toString();
        }
    }
}
