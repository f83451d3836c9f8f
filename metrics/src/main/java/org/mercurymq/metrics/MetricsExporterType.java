package org.mercurymq.metrics;

/**
 * Values of {@code metricsExporterType} (RocketMQ 5's key and names). Mercury serves the Prometheus text
 * endpoint only; RocketMQ 5's OTLP_GRPC and LOG exporters are refused at start-up by the config table
 * (docs/metrics.md).
 */
public enum MetricsExporterType {
    /** No endpoint (the default). */
    DISABLE,
    /** The Prometheus text endpoint on metricsPromExporterHost:metricsPromExporterPort. */
    PROM
}
