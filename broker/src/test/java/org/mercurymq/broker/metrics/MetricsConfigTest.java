package org.mercurymq.broker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.metrics.MetricsConfigKeys;
import org.mercurymq.metrics.MetricsExporterType;

/** The metrics exporter keys in the broker's table (docs/metrics.md): off by default, bad values refused. */
class MetricsConfigTest {
    @Test
    void offByDefaultOnRocketMqFivesPort() {
        BrokerConfig c = BrokerConfig.of(Map.of());
        assertEquals(MetricsExporterType.DISABLE, c.get(MetricsConfigKeys.METRICS_EXPORTER_TYPE));
        assertEquals(5557, c.get(MetricsConfigKeys.METRICS_PROM_EXPORTER_PORT));
        assertEquals("", c.get(MetricsConfigKeys.METRICS_PROM_EXPORTER_HOST));
        assertEquals(MetricsExporterType.PROM,
            BrokerConfig.of(Map.of("metricsExporterType", "PROM")).get(MetricsConfigKeys.METRICS_EXPORTER_TYPE));
    }

    @Test
    void outOfRangeOrNonNumericPortIsRefusedNamingTheKey() {
        ConfigException range = assertThrows(ConfigException.class,
            () -> BrokerConfig.of(Map.of("metricsPromExporterPort", "70000")));
        assertTrue(range.getMessage().contains("metricsPromExporterPort") && range.getMessage().contains("65535"),
            range.getMessage());
        ConfigException text = assertThrows(ConfigException.class,
            () -> BrokerConfig.of(Map.of("metricsPromExporterPort", "abc")));
        assertTrue(text.getMessage().contains("metricsPromExporterPort"), text.getMessage());
    }

    @Test
    void exportersMercuryDoesNotHaveAreRefused() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> BrokerConfig.of(Map.of("metricsExporterType", "OTLP_GRPC")));
        assertTrue(e.getMessage().contains("metricsExporterType") && e.getMessage().contains("DISABLE PROM"),
            e.getMessage());
    }
}
