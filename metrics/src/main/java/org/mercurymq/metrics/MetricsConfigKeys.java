package org.mercurymq.metrics;

import org.mercurymq.common.config.ConfigKey;
import org.mercurymq.common.config.ConfigTable;

/**
 * The metrics exporter keys of the broker's and the name server's config tables, with RocketMQ 5's names
 * and defaults (docs/metrics.md). Constants only; thread-safe.
 */
public final class MetricsConfigKeys {
    public static final ConfigKey<MetricsExporterType> METRICS_EXPORTER_TYPE = ConfigKey.ofEnum("metricsExporterType",
        MetricsExporterType.class, MetricsExporterType.DISABLE,
        "DISABLE or PROM: serve the Prometheus text endpoint (docs/metrics.md)");
    public static final ConfigKey<String> METRICS_PROM_EXPORTER_HOST = ConfigKey.ofString("metricsPromExporterHost", "",
        "address the Prometheus endpoint binds to (empty: all interfaces)");
    public static final ConfigKey<Integer> METRICS_PROM_EXPORTER_PORT = ConfigKey.ofInt("metricsPromExporterPort", 5557,
        "TCP port of the Prometheus endpoint (0: any free port)").range(0, 65535);

    public static final ConfigTable TABLE = ConfigTable.of(METRICS_EXPORTER_TYPE, METRICS_PROM_EXPORTER_HOST,
        METRICS_PROM_EXPORTER_PORT);

    private MetricsConfigKeys() {
    }
}
