package org.mercurymq.broker.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.mercurymq.broker.executor.RequestExecutor;
import org.mercurymq.metrics.Family;
import org.mercurymq.metrics.LatencyHistogram;
import org.mercurymq.store.FlushLatency;

/**
 * Broker-wide readings at scrape time: the GET_BROKER_RUNTIME_INFO table as rocketmq-exporter's
 * {@code rocketmq_brokeruntime_*} gauges (commit-log disk ratio, page-cache lock time, thread-pool queue sizes
 * and head waits, ...), {@code rocketmq_broker_tps}/{@code _qps}, RocketMQ 5's
 * {@code rocketmq_processor_watermark} (queued requests per executor), the parked long-polling pulls and the
 * commit-log flush latency histogram. Thread-safe.
 */
public final class RuntimeMetrics implements MultiCollector {
    /** rocketmq-exporter's family name for each runtime-info key that is a plain number. */
    private static final String[][] RUNTIME_GAUGES = {
        {"commitLogDiskRatio", "rocketmq_brokeruntime_commitlog_disk_ratio"},
        {"consumeQueueDiskRatio", "rocketmq_brokeruntime_consumequeue_disk_ratio"},
        {"pageCacheLockTimeMills", "rocketmq_brokeruntime_pagecache_lock_time_mills"},
        {"sendThreadPoolQueueSize", "rocketmq_brokeruntime_send_threadpool_queue_size"},
        {"sendThreadPoolQueueCapacity", "rocketmq_brokeruntime_send_threadpoolqueue_capacity"},
        {"sendThreadPoolQueueHeadWaitTimeMills", "rocketmq_brokeruntime_send_threadpoolqueue_headwait_timemills"},
        {"pullThreadPoolQueueSize", "rocketmq_brokeruntime_pull_threadpoolqueue_size"},
        {"pullThreadPoolQueueCapacity", "rocketmq_brokeruntime_pull_threadpoolqueue_capacity"},
        {"pullThreadPoolQueueHeadWaitTimeMills", "rocketmq_brokeruntime_pull_threadpoolqueue_headwait_timemills"},
        {"queryThreadPoolQueueSize", "rocketmq_brokeruntime_query_threadpoolqueue_size"},
        {"queryThreadPoolQueueCapacity", "rocketmq_brokeruntime_query_threadpool_queue_capacity"},
        {"queryThreadPoolQueueHeadWaitTimeMills", "rocketmq_brokeruntime_query_threadpoolqueue_headwait_timemills"},
        {"dispatchBehindBytes", "rocketmq_brokeruntime_dispatch_behind_bytes"},
        {"commitLogMinOffset", "rocketmq_brokeruntime_commitlog_minoffset"},
        {"commitLogMaxOffset", "rocketmq_brokeruntime_commitlog_maxoffset"},
        {"putMessageTimesTotal", "rocketmq_brokeruntime_putmessage_times_total"},
        {"putMessageSizeTotal", "rocketmq_brokeruntime_put_message_size_total"},
        {"putMessageAverageSize", "rocketmq_brokeruntime_put_message_average_size"},
        {"putMessageEntireTimeMax", "rocketmq_brokeruntime_putmessage_entire_time_max"},
        {"getMessageEntireTimeMax", "rocketmq_brokeruntime_getmessage_entire_time_max"},
        {"earliestMessageTimeStamp", "rocketmq_brokeruntime_earliest_message_timestamp"},
        {"startAcceptSendRequestTimeStamp", "rocketmq_brokeruntime_start_accept_sendrequest_time"},
        {"remainHowManyDataToFlush", "rocketmq_brokeruntime_remain_howmanydata_toflush"},
        {"msgPutTotalTodayNow", "rocketmq_brokeruntime_msg_put_total_today_now"},
        {"msgGetTotalTodayNow", "rocketmq_brokeruntime_msg_gettotal_today_now"},
        {"msgPutTotalTodayMorning", "rocketmq_brokeruntime_msg_put_total_today_morning"},
        {"msgGetTotalTodayMorning", "rocketmq_brokeruntime_msg_gettotal_today_morning"},
        {"msgPutTotalYesterdayMorning", "rocketmq_brokeruntime_msg_put_total_yesterday_morning"},
        {"msgGetTotalYesterdayMorning", "rocketmq_brokeruntime_msg_gettotal_yesterday_morning"},
    };
    /** rocketmq-exporter's families for the three TPS windows (10 s, 60 s, 600 s) of each runtime-info TPS key. */
    private static final String[][] RUNTIME_TPS = {
        {"putTps", "rocketmq_brokeruntime_put_tps"},
        {"getFoundTps", "rocketmq_brokeruntime_getfound_tps"},
        {"getMissTps", "rocketmq_brokeruntime_getmiss_tps"},
        {"getTotalTps", "rocketmq_brokeruntime_gettotal_tps"},
        {"getTransferedTps", "rocketmq_brokeruntime_gettransfered_tps"},
    };
    private static final String[] TPS_WINDOWS = {"10", "60", "600"};
    private static final String[] RUNTIME_LABELS = {"cluster", "brokerIP", "brokerHost", "des", "boottime",
        "broker_version"};

    private final BrokerLabels labels;
    private final Supplier<Map<String, String>> runtimeInfo;
    private final List<RequestExecutor> executors;
    private final IntSupplier heldPulls;
    private final FlushLatency flushLatency;

    public RuntimeMetrics(BrokerLabels labels, Supplier<Map<String, String>> runtimeInfo, List<RequestExecutor> executors,
                          IntSupplier heldPulls, FlushLatency flushLatency) {
        this.labels = labels;
        this.runtimeInfo = runtimeInfo;
        this.executors = List.copyOf(executors);
        this.heldPulls = heldPulls;
        this.flushLatency = flushLatency;
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, String> info = runtimeInfo.get();
        String[] runtimeValues = {labels.cluster(), labels.brokerAddr(), labels.brokerName(),
            info.getOrDefault("brokerVersionDesc", ""), info.getOrDefault("bootTimestamp", ""),
            info.getOrDefault("brokerVersion", "")};
        List<MetricSnapshot> out = new ArrayList<>();
        for (String[] g : RUNTIME_GAUGES) {
            Double v = number(info.get(g[0]));
            if (v != null) {
                out.add(Family.gauge(g[1], "brokerRuntime " + g[0], RUNTIME_LABELS).add(v, runtimeValues).build());
            }
        }
        for (String[] t : RUNTIME_TPS) {
            String[] windows = info.getOrDefault(t[0], "").split(" ", -1);
            for (int i = 0; i < TPS_WINDOWS.length; i++) {
                Double v = i < windows.length ? number(windows[i]) : null;
                if (v != null) {
                    out.add(Family.gauge(t[1] + TPS_WINDOWS[i], "brokerRuntime " + t[0] + " over " + TPS_WINDOWS[i] + " s",
                        RUNTIME_LABELS).add(v, runtimeValues).build());
                }
            }
        }
        String[] tps = info.getOrDefault("putTps", "").split(" ", -1);
        String[] gets = info.getOrDefault("getTransferedTps", "").split(" ", -1);
        String[] brokerValues = {labels.cluster(), labels.brokerAddr(), labels.brokerName()};
        out.add(Family.gauge("rocketmq_broker_tps", "BrokerPutNums: messages stored per second over the last minute",
            "cluster", "brokerIP", "broker").add(orZero(tps, 1), brokerValues).build());
        out.add(Family.gauge("rocketmq_broker_qps", "BrokerGetNums: messages pulled per second over the last minute",
            "cluster", "brokerIP", "broker").add(orZero(gets, 1), brokerValues).build());

        Family watermark = Family.gauge("rocketmq_processor_watermark",
            "requests waiting in the queue of each request executor (RocketMQ 5)",
            "cluster", "node_type", "node_id", "processor");
        for (RequestExecutor e : executors) {
            watermark.add(e.queueSize(), labels.cluster(), BrokerLabels.NODE_TYPE, labels.nodeId(), e.name());
        }
        out.add(watermark.build());
        out.add(Family.gauge("mercury_long_polling_held_pulls", "pull requests parked by long polling",
            "cluster", "broker").add(heldPulls.getAsInt(), labels.cluster(), labels.brokerName()).build());
        out.add(LatencyHistogram.snapshot("mercury_commitlog_flush_latency_seconds",
            "time of one commit-log force that wrote data", Labels.of("cluster", labels.cluster(), "broker",
                labels.brokerName()), flushLatency.upperBoundsSeconds(), flushLatency.counts(),
            flushLatency.sumSeconds()));
        return MetricSnapshots.of(out.toArray(new MetricSnapshot[0]));
    }

    private static double orZero(String[] values, int i) {
        Double v = i < values.length ? number(values[i]) : null;
        return v == null ? 0 : v;
    }

    private static Double number(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
