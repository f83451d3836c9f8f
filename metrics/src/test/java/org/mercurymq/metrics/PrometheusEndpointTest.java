package org.mercurymq.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {
    @Test
    void servesCollectorsReadAtScrapeTimeAndJvmMetrics() throws Exception {
        AtomicInteger depth = new AtomicInteger(3);
        PrometheusEndpoint endpoint = new PrometheusEndpoint("test", MetricsExporterType.PROM, "127.0.0.1", 0, List.of(
            () -> MetricSnapshots.of(
                Family.gauge("t_depth", "queue depth", "queue").add(depth.get(), "send").build(),
                Family.counter("t_requests", "requests", "code").add(7, "105").build(),
                LatencyHistogram.snapshot("t_flush_seconds", "flush", Labels.of("broker", "b"),
                    new double[] {0.001, 0.01, Double.POSITIVE_INFINITY}, new long[] {2, 1, 1}, 0.5))));
        endpoint.start();
        try {
            assertTrue(endpoint.port() > 0);
            String text = get(endpoint.port());
            assertTrue(text.contains("t_depth{queue=\"send\"} 3.0"), text);
            depth.set(9);
            text = get(endpoint.port());
            assertTrue(text.contains("t_depth{queue=\"send\"} 9.0"), text);
            assertTrue(text.contains("t_requests_total{code=\"105\"} 7.0"), text);
            // buckets are written cumulated
            assertTrue(text.contains("t_flush_seconds_bucket{broker=\"b\",le=\"0.01\"} 3"), text);
            assertTrue(text.contains("t_flush_seconds_bucket{broker=\"b\",le=\"+Inf\"} 4"), text);
            assertTrue(text.contains("t_flush_seconds_count{broker=\"b\"} 4"), text);
            assertTrue(text.contains("jvm_memory_used_bytes"), text);
        } finally {
            endpoint.shutdown();
        }
        assertEquals(-1, endpoint.port());
    }

    @Test
    void disabledListensNowhere() throws Exception {
        PrometheusEndpoint endpoint = new PrometheusEndpoint("test", MetricsExporterType.DISABLE, "", 0, List.of());
        endpoint.start();
        assertEquals(-1, endpoint.port());
        endpoint.shutdown();
        assertEquals(MetricsExporterType.DISABLE, MetricsConfigKeys.METRICS_EXPORTER_TYPE.defaultValue());
    }

    @Test
    void portInUseFailsNamingTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            PrometheusEndpoint endpoint = new PrometheusEndpoint("test", MetricsExporterType.PROM, "127.0.0.1",
                taken.getLocalPort(), List.of());
            IllegalStateException e = assertThrows(IllegalStateException.class, endpoint::start);
            assertTrue(e.getMessage().contains("set metricsPromExporterPort to a free port"), e.getMessage());
            assertEquals(-1, endpoint.port());
        }
    }

    private static String get(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
