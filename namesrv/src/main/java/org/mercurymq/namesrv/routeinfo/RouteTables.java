package org.mercurymq.namesrv.routeinfo;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;

/**
 * One consistent, immutable snapshot of the route tables. Inner maps, sets and lists are never modified
 * after publication; {@link Editor} copies a table the first time a writer changes it. Thread-safe.
 */
final class RouteTables {
    static final RouteTables EMPTY = new RouteTables(Map.of(), Map.of(), Map.of(), Map.of());

    /** topic → brokerName → QueueData. */
    final Map<String, Map<String, QueueData>> topicQueueTable;
    /** brokerName → BrokerData. */
    final Map<String, BrokerData> brokerAddrTable;
    /** cluster → brokerNames. */
    final Map<String, Set<String>> clusterAddrTable;
    /** brokerAddr → filter server addresses. */
    final Map<String, List<String>> filterServerTable;

    private RouteTables(Map<String, Map<String, QueueData>> topicQueueTable, Map<String, BrokerData> brokerAddrTable,
                        Map<String, Set<String>> clusterAddrTable, Map<String, List<String>> filterServerTable) {
        this.topicQueueTable = topicQueueTable;
        this.brokerAddrTable = brokerAddrTable;
        this.clusterAddrTable = clusterAddrTable;
        this.filterServerTable = filterServerTable;
    }

    Editor edit() {
        return new Editor(this);
    }

    /** Copy-on-first-write editor of a snapshot; used by one writer thread at a time. */
    static final class Editor {
        private final RouteTables base;
        private Map<String, Map<String, QueueData>> topics;
        private Map<String, BrokerData> brokers;
        private Map<String, Set<String>> clusters;
        private Map<String, List<String>> filters;

        private Editor(RouteTables base) {
            this.base = base;
        }

        Map<String, Map<String, QueueData>> readTopics() {
            return topics != null ? topics : base.topicQueueTable;
        }

        Map<String, BrokerData> readBrokers() {
            return brokers != null ? brokers : base.brokerAddrTable;
        }

        Map<String, Set<String>> readClusters() {
            return clusters != null ? clusters : base.clusterAddrTable;
        }

        Map<String, List<String>> readFilters() {
            return filters != null ? filters : base.filterServerTable;
        }

        Map<String, Map<String, QueueData>> topics() {
            if (topics == null) {
                topics = new HashMap<>(base.topicQueueTable);
            }
            return topics;
        }

        Map<String, BrokerData> brokers() {
            if (brokers == null) {
                brokers = new HashMap<>(base.brokerAddrTable);
            }
            return brokers;
        }

        Map<String, Set<String>> clusters() {
            if (clusters == null) {
                clusters = new HashMap<>(base.clusterAddrTable);
            }
            return clusters;
        }

        Map<String, List<String>> filters() {
            if (filters == null) {
                filters = new HashMap<>(base.filterServerTable);
            }
            return filters;
        }

        boolean changed() {
            return topics != null || brokers != null || clusters != null || filters != null;
        }

        RouteTables build() {
            if (!changed()) {
                return base;
            }
            return new RouteTables(topics != null ? freeze(topics) : base.topicQueueTable,
                brokers != null ? freeze(brokers) : base.brokerAddrTable,
                clusters != null ? freeze(clusters) : base.clusterAddrTable,
                filters != null ? freeze(filters) : base.filterServerTable);
        }

        private static <K, V> Map<K, V> freeze(Map<K, V> m) {
            return Collections.unmodifiableMap(m);
        }
    }
}
