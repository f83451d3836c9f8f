package org.mercurymq.broker.metadata;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.mercurymq.common.DataVersion;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.common.subscription.SubscriptionGroupConfig;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.body.SubscriptionGroupWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer group settings (subscriptionGroup.json): the built-in groups, groups created on first use when
 * {@code autoCreateSubscriptionGroup} is on (docs/protocol/behaviour.md §1), admin updates and deletes. Stored configs are
 * never mutated; an update replaces the entry. Thread-safe.
 */
public final class SubscriptionGroupManager {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionGroupManager.class);
    private static final String SYSTEM_GROUP_PREFIX = "CID_RMQ_SYS_";

    private final JsonConfigFile file;
    private final BooleanSupplier autoCreate;
    private final LongSupplier clock;
    private final ConcurrentMap<String, SubscriptionGroupConfig> table = new ConcurrentHashMap<>();
    private volatile DataVersion dataVersion;

    public SubscriptionGroupManager(JsonConfigFile file, BooleanSupplier autoCreate, LongSupplier clock) {
        this.file = file;
        this.autoCreate = autoCreate;
        this.clock = clock;
        this.dataVersion = new DataVersion(clock.getAsLong(), 0);
        for (String group : GroupNames.BUILT_IN_SUBSCRIPTION_GROUPS) {
            SubscriptionGroupConfig c = new SubscriptionGroupConfig(group);
            if (GroupNames.TOOLS_CONSUMER_GROUP.equals(group) || GroupNames.FILTERSRV_CONSUMER_GROUP.equals(group)
                || GroupNames.SELF_TEST_CONSUMER_GROUP.equals(group)) {
                c.setConsumeBroadcastEnable(true);
            }
            table.put(group, c);
        }
    }

    public void load() throws IOException {
        SubscriptionGroupWrapper loaded = file.load(text -> RemotingSerializable.fromJson(text, SubscriptionGroupWrapper.class));
        if (loaded == null) {
            return;
        }
        if (loaded.getSubscriptionGroupTable() != null) {
            table.putAll(loaded.getSubscriptionGroupTable());
        }
        if (loaded.getDataVersion() != null) {
            dataVersion = loaded.getDataVersion();
        }
        LOG.info("loaded {} subscription groups from {}", table.size(), file.path());
    }

    public void persist() throws IOException {
        file.write(MetadataJson.pretty(snapshot()));
    }

    private void persistQuietly() {
        try {
            persist();
        } catch (IOException e) {
            LOG.error("cannot persist {}: {}", file.path(), e.toString());
        }
    }

    public SubscriptionGroupWrapper snapshot() {
        SubscriptionGroupWrapper w = new SubscriptionGroupWrapper();
        w.getSubscriptionGroupTable().putAll(table);
        w.setDataVersion(dataVersion);
        return w;
    }

    /** The group's config, created with defaults if auto-creation is on (or it is a system group); else null. */
    public SubscriptionGroupConfig findSubscriptionGroupConfig(String group) {
        SubscriptionGroupConfig c = table.get(group);
        if (c != null) {
            return c;
        }
        if (!autoCreate.getAsBoolean() && !group.startsWith(SYSTEM_GROUP_PREFIX)) {
            return null;
        }
        SubscriptionGroupConfig created = new SubscriptionGroupConfig(group);
        SubscriptionGroupConfig prev = table.putIfAbsent(group, created);
        if (prev != null) {
            return prev;
        }
        synchronized (this) {
            dataVersion = dataVersion.nextVersion(clock.getAsLong());
            persistQuietly();
        }
        LOG.info("auto-created subscription group {}", LogEscape.of(group));
        return created;
    }

    public SubscriptionGroupConfig get(String group) {
        return table.get(group);
    }

    public boolean containsGroup(String group) {
        return table.containsKey(group);
    }

    public Set<String> groups() {
        return new TreeSet<>(table.keySet());
    }

    public Map<String, SubscriptionGroupConfig> all() {
        return table;
    }

    public synchronized void updateSubscriptionGroupConfig(SubscriptionGroupConfig config) {
        SubscriptionGroupConfig old = table.put(config.getGroupName(), config);
        dataVersion = dataVersion.nextVersion(clock.getAsLong());
        persistQuietly();
        LOG.info("{} subscription group {}", old == null ? "created" : "updated", LogEscape.of(config));
    }

    /**
     * Slave metadata sync (docs/protocol/behaviour.md §11): when the master's data version differs from ours, makes the
     * table exactly the master's, takes its version and persists. Returns whether anything was replaced.
     */
    public synchronized boolean replaceAllFromMaster(SubscriptionGroupWrapper master) {
        DataVersion version = master.getDataVersion();
        if (version == null || version.equals(dataVersion) || master.getSubscriptionGroupTable() == null) {
            return false;
        }
        Map<String, SubscriptionGroupConfig> wanted = master.getSubscriptionGroupTable();
        table.putAll(wanted);
        table.keySet().retainAll(wanted.keySet());
        dataVersion = version;
        persistQuietly();
        LOG.info("replaced the subscription groups with the master's: {} groups, data version {}", wanted.size(), version);
        return true;
    }

    public synchronized boolean deleteSubscriptionGroupConfig(String group) {
        SubscriptionGroupConfig old = table.remove(group);
        if (old == null) {
            return false;
        }
        dataVersion = dataVersion.nextVersion(clock.getAsLong());
        persistQuietly();
        LOG.info("deleted subscription group {}", LogEscape.of(group));
        return true;
    }
}
