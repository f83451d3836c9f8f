package org.mercurymq.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * Renders per-bucket counts kept elsewhere (e.g. the store's flush latency, which must not depend
 * on the Prometheus client) as a classic Prometheus histogram. Stateless.
 */
public final class LatencyHistogram {
    private LatencyHistogram() {
    }

    /**
     * @param upperBoundsSeconds ascending bucket bounds, the last one {@code +Inf}
     * @param counts             observations per bucket (not cumulative), same length as the bounds
     * @param sumSeconds         sum of all observations
     */
    public static MetricSnapshot snapshot(String name, String help, Labels labels, double[] upperBoundsSeconds,
                                          long[] counts, double sumSeconds) {
        // the model takes per-bucket counts; the text format writes them cumulated
        return HistogramSnapshot.builder().name(name).help(help)
            .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBoundsSeconds, counts))
                .sum(sumSeconds).labels(labels).build())
            .build();
    }
}
