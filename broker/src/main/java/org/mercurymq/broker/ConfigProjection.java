package org.mercurymq.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mercurymq.common.config.Config;
import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;

/**
 * Projects the broker's merged config onto one component's own table (store, Netty server, Netty client):
 * every key of the target table that was set explicitly is re-parsed from its text. Needed because the
 * server and client Netty tables share some key names, so the merged table holds one instance per name.
 * Stateless and thread-safe.
 */
final class ConfigProjection {
    private ConfigProjection() {
    }

    static Config project(Config merged, ConfigTable target) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (ConfigKey<?> key : target.keys()) {
            ConfigKey<?> mergedKey = merged.table().key(key.name());
            if (mergedKey != null && merged.isSet(mergedKey)) {
                Object v = merged.get(mergedKey);
                if (v != null) {
                    raw.put(key.name(), v.toString());
                }
            }
        }
        return target.parse(raw, warning -> {
            throw new IllegalStateException("projection produced an unknown key: " + warning);
        });
    }

    /** A table holding the keys of all tables; a name already present (shared Netty keys) is kept once. */
    static ConfigTable mergeDistinct(ConfigTable... tables) {
        Map<String, ConfigKey<?>> keys = new LinkedHashMap<>();
        for (ConfigTable t : tables) {
            for (ConfigKey<?> k : t.keys()) {
                keys.putIfAbsent(k.name(), k);
            }
        }
        return ConfigTable.of(keys.values().toArray(new ConfigKey<?>[0]));
    }
}
