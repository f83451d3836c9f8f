/**
 * The broker's Prometheus collectors: each reads the store, the offset and consumer tables, the executors
 * and the statistics at scrape time and renders rocketmq-exporter's and RocketMQ 5's metric families
 * (docs/metrics.md). Nothing here runs on a request's path.
 */
package org.mercurymq.broker.metrics;
