/** The name server's Prometheus collector and request counter (docs/metrics.md). */
package org.mercurymq.namesrv.metrics;
