package org.mercurymq.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mercurymq.common.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus text endpoint ({@code /metrics}) of one daemon: a registry of its own (JVM metrics plus the
 * daemon's collectors, which read their values at scrape time) served by the Prometheus Java client's HTTP
 * server. Does nothing with {@code metricsExporterType=DISABLE}. {@link #start()} fails with one line naming
 * the key to change when the port cannot be bound. Thread-safe; start() once, shutdown() any number of times.
 */
public final class PrometheusEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusEndpoint.class);

    private final String role;
    private final MetricsExporterType type;
    private final String host;
    private final int port;
    private final List<MultiCollector> collectors;
    private volatile HTTPServer server;
    private ExecutorService executor;

    /** @param role the daemon ("broker", "namesrv"), for logs and thread names */
    public PrometheusEndpoint(String role, MetricsExporterType type, String host, int port, List<MultiCollector> collectors) {
        this.role = role;
        this.type = type;
        this.host = host == null ? "" : host.trim();
        this.port = port;
        this.collectors = List.copyOf(collectors);
    }

    /** Reads the three exporter keys from a config parsed with a table that contains {@link MetricsConfigKeys#TABLE}. */
    public static PrometheusEndpoint fromConfig(String role, Config config, List<MultiCollector> collectors) {
        return new PrometheusEndpoint(role, config.get(MetricsConfigKeys.METRICS_EXPORTER_TYPE),
            config.get(MetricsConfigKeys.METRICS_PROM_EXPORTER_HOST),
            config.get(MetricsConfigKeys.METRICS_PROM_EXPORTER_PORT), collectors);
    }

    public synchronized void start() throws IOException {
        if (type == MetricsExporterType.DISABLE) {
            LOG.info("{} metrics endpoint off (metricsExporterType=DISABLE)", role);
            return;
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        for (MultiCollector c : collectors) {
            registry.register(c);
        }
        // two threads are plenty for a scrape every few seconds; bounded so a flood of requests cannot pile up
        executor = new ThreadPoolExecutor(1, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(64),
            threadFactory(role + "MetricsHttp"), new ThreadPoolExecutor.DiscardPolicy());
        String shownHost = host.isEmpty() ? "0.0.0.0" : host;
        try {
            HTTPServer.Builder b = HTTPServer.builder().port(port).registry(registry).executorService(executor);
            if (!host.isEmpty()) {
                b.hostname(host);
            }
            server = b.buildAndStart();
        } catch (BindException e) {
            executor.shutdownNow();
            throw new IllegalStateException("metrics endpoint cannot listen on " + shownHost + ":" + port + " ("
                + e.getMessage() + "): set metricsPromExporterPort to a free port or metricsPromExporterHost to a "
                + "local address", e);
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw new IllegalStateException("metrics endpoint cannot start on " + shownHost + ":" + port + " ("
                + e + "): check metricsPromExporterHost and metricsPromExporterPort", e);
        }
        LOG.info("{} metrics endpoint serving http://{}:{}/metrics (metricsExporterType=PROM)", role, shownHost,
            server.getPort());
    }

    /** The bound port, or -1 when off or not started. */
    public int port() {
        HTTPServer s = server;
        return s == null ? -1 : s.getPort();
    }

    public synchronized void shutdown() {
        HTTPServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private static ThreadFactory threadFactory(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught exception in {}", th.getName(), e));
            return t;
        };
    }
}
