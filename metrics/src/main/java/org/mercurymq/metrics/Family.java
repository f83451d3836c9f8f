package org.mercurymq.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

/**
 * Collects the data points of one gauge or counter family during a scrape: the label names are fixed at
 * construction, each {@link #add} gives the values in the same order. Counter names are given without the
 * {@code _total} suffix the exposition adds. Not thread-safe: one per scrape.
 */
public final class Family {
    private final String[] labelNames;
    private final GaugeSnapshot.Builder gauge;
    private final CounterSnapshot.Builder counter;

    private Family(String name, String help, boolean isCounter, String... labelNames) {
        this.labelNames = labelNames.clone();
        this.gauge = isCounter ? null : GaugeSnapshot.builder().name(name).help(help);
        this.counter = isCounter ? CounterSnapshot.builder().name(name).help(help) : null;
    }

    public static Family gauge(String name, String help, String... labelNames) {
        return new Family(name, help, false, labelNames);
    }

    public static Family counter(String name, String help, String... labelNames) {
        return new Family(name, help, true, labelNames);
    }

    public Family add(double value, String... labelValues) {
        if (labelValues.length != labelNames.length) {
            throw new IllegalArgumentException("expected " + labelNames.length + " label values, got " + labelValues.length);
        }
        String[] values = new String[labelValues.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = labelValues[i] == null ? "" : labelValues[i];
        }
        Labels labels = Labels.of(labelNames, values);
        if (gauge != null) {
            gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).labels(labels).build());
        } else {
            counter.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).labels(labels).build());
        }
        return this;
    }

    public MetricSnapshot build() {
        return gauge != null ? gauge.build() : counter.build();
    }
}
