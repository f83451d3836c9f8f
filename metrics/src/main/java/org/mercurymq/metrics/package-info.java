/**
 * The Prometheus text endpoint of the broker and the name server: the exporter keys of the config table, the
 * HTTP endpoint built on the Prometheus Java client, and small helpers that turn scrape-time readings into
 * metric snapshots (docs/metrics.md).
 */
package org.mercurymq.metrics;
