package org.mercurymq.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.remoting.protocol.body.BrokerStatsData;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MQAdminException;

/**
 * The Dashboard's data (docs/console.md, "Dashboard"): every {@code period} it reads each master's broker
 * statistics (VIEW_BROKER_STATS_DATA, 315: BROKER_PUT_NUMS / BROKER_GET_NUMS keyed by cluster, TOPIC_PUT_NUMS
 * keyed by topic; the same keys on RocketMQ 4.9.7) and keeps the last {@code keep} samples as trend lines:
 * messages put and got in the minute before each sample, per broker, and put per topic for up to
 * {@code maxTopics} normal topics. A broker's "today" is its runtime info (msgPutTotalTodayNow /
 * msgGetTotalTodayNow); a topic has the last minute and the last hour (the statistics' day window is sampled
 * hourly, so a topic's day would read 0 for up to an hour). A broker that does not answer leaves a gap and its
 * error on the page. Samples on its own thread; {@link #snapshot()} is thread-safe.
 */
final class DashboardSampler {

    private final DefaultMQAdminExt admin;
    private final Clock clock;
    private final int maxTopics;
    private final TrendBuffer brokerTrend;
    private final TrendBuffer topicTrend;
    private final Object lock = new Object();
    private List<Object> brokers = new ArrayList<>();
    private List<Object> topics = new ArrayList<>();
    private long sampledAt;
    private final Duration period;
    private final PeriodicSample sampling;

    /** @param brokerTrend, topicTrend where the trend lines go (with the history they start from) */
    DashboardSampler(DefaultMQAdminExt admin, Clock clock, Duration period, TrendBuffer brokerTrend,
                     TrendBuffer topicTrend, int maxTopics) {
        this.admin = admin;
        this.clock = clock;
        this.period = period;
        this.sampling = new PeriodicSample("ConsoleDashboardSampler", "dashboard", period, this::sampleOnce);
        this.maxTopics = maxTopics;
        this.brokerTrend = brokerTrend;
        this.topicTrend = topicTrend;
    }

    void start() {
        sampling.start();
    }

    void shutdown() {
        sampling.shutdown();
        synchronized (lock) {
            brokerTrend.close();
            topicTrend.close();
        }
    }

    void sampleOnce() throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();
        Map<String, String> clusterOf = new TreeMap<>();
        info.getClusterAddrTable().forEach((cluster, names) -> names.forEach(n -> clusterOf.put(n, cluster)));
        List<Object> brokerRows = new ArrayList<>();
        Map<String, Long> brokerPoint = new LinkedHashMap<>();
        List<String> masters = new ArrayList<>();
        for (Map.Entry<String, String> e : clusterOf.entrySet()) {
            BrokerData data = info.getBrokerAddrTable().get(e.getKey());
            String addr = data == null ? null : data.getBrokerAddrs().get(0L);
            if (addr == null) {
                continue;
            }
            masters.add(addr);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("broker", e.getKey());
            row.put("addr", addr);
            try {
                Map<String, String> runtime = admin.fetchBrokerRuntimeStats(addr).getTable();
                BrokerStatsData put = brokerStats(addr, "BROKER_PUT_NUMS", e.getValue());
                BrokerStatsData got = brokerStats(addr, "BROKER_GET_NUMS", e.getValue());
                row.put("putToday", number(runtime.get("msgPutTotalTodayNow")));
                row.put("getToday", number(runtime.get("msgGetTotalTodayNow")));
                row.put("putLastMinute", minute(put));
                row.put("getLastMinute", minute(got));
                brokerPoint.put(e.getKey() + " put", minute(put));
                brokerPoint.put(e.getKey() + " got", minute(got));
            } catch (Exception ex) {
                row.put("error", String.valueOf(ex.getMessage()));
            }
            brokerRows.add(row);
        }
        List<Object> topicRows = new ArrayList<>();
        Map<String, Long> topicPoint = new LinkedHashMap<>();
        // RocketMQ lists each cluster's and broker's name as a topic too: they carry no traffic worth a line
        Set<String> names = new HashSet<>(clusterOf.keySet());
        names.addAll(clusterOf.values());
        for (String topic : normalTopics(names)) {
            long hour = 0;
            long minute = 0;
            for (String addr : masters) {
                BrokerStatsData put = statsOrNull(addr, "TOPIC_PUT_NUMS", topic);
                hour += put == null || put.getStatsHour() == null ? 0 : put.getStatsHour().getSum();
                minute += minute(put);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("topic", topic);
            row.put("putLastHour", hour);
            row.put("putLastMinute", minute);
            topicRows.add(row);
            topicPoint.put(topic, minute);
        }
        long now = clock.millis();
        synchronized (lock) {
            brokers = brokerRows;
            topics = topicRows;
            sampledAt = now;
            brokerTrend.add(now / 1000, brokerPoint);
            topicTrend.add(now / 1000, topicPoint);
        }
    }

    /** Up to {@code maxTopics} topics that are neither retry, DLQ nor system topics nor {@code skip}, by name. */
    private Set<String> normalTopics(Set<String> skip) throws Exception {
        Set<String> system = new HashSet<>(TopicValidator.SYSTEM_TOPICS);
        Set<String> out = new TreeSet<>();
        for (String t : new TreeSet<>(admin.fetchAllTopicList().getTopicList())) {
            if ("NORMAL".equals(TopicView.kind(t, system)) && !skip.contains(t) && out.size() < maxTopics) {
                out.add(t);
            }
        }
        return out;
    }

    private BrokerStatsData stats(String addr, String name, String key) throws Exception {
        return admin.viewBrokerStatsData(addr, name, key);
    }

    /** Null when nothing was counted yet (315 answers an error code); a broker that does not answer throws. */
    private BrokerStatsData brokerStats(String addr, String name, String key) throws Exception {
        try {
            return stats(addr, name, key);
        } catch (MQAdminException e) {
            return null;
        }
    }

    /** Null when the broker has no such statistic (nothing counted yet: 315 answers an error). */
    private BrokerStatsData statsOrNull(String addr, String name, String key) {
        try {
            return stats(addr, name, key);
        } catch (Exception e) {
            return null;
        }
    }

    private static long number(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long minute(BrokerStatsData d) {
        return d == null || d.getStatsMinute() == null ? 0 : d.getStatsMinute().getSum();
    }

    /** {@code {periodSeconds, sampledAt, brokers:[...], topics:[...], brokerTrend:{...}, topicTrend:{...}}}. */
    Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        synchronized (lock) {
            out.put("periodSeconds", period.toMillis() / 1000.0);
            out.put("sampledAt", sampledAt);
            out.put("brokers", brokers);
            out.put("topics", topics);
            out.put("brokerTrend", brokerTrend.toJson());
            out.put("topicTrend", topicTrend.toJson());
        }
        return out;
    }
}
