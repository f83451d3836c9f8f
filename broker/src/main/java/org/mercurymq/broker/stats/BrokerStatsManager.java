package org.mercurymq.broker.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RocketMQ's named broker statistics (docs/statistics.md): sets of counters keyed by topic, group or queue
 * ({@code TOPIC_PUT_NUMS} by {@code <topic>}, {@code GROUP_GET_NUMS} by {@code <topic>@<group>}, ...), each
 * with minute, hour and day windows, read one item at a time by VIEW_BROKER_STATS_DATA (315) and by the
 * consume-TPS of GET_CONSUME_STATS. Incrementing is a lock-free map lookup plus striped adders; the windows are
 * sampled by {@link #tick(long)}, which {@link #start()} runs on the thread {@code BrokerStatsThread} and
 * tests call with their own clock. Thread-safe.
 */
public final class BrokerStatsManager {
    /** Logger of the per-minute/hour/day summary lines (RocketMQ's stats log). */
    public static final String STATS_LOGGER = "RocketmqStats";

    public static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    public static final String TOPIC_PUT_SIZE = "TOPIC_PUT_SIZE";
    public static final String GROUP_GET_NUMS = "GROUP_GET_NUMS";
    public static final String GROUP_GET_SIZE = "GROUP_GET_SIZE";
    public static final String SNDBCK_PUT_NUMS = "SNDBCK_PUT_NUMS";
    public static final String BROKER_PUT_NUMS = "BROKER_PUT_NUMS";
    public static final String BROKER_GET_NUMS = "BROKER_GET_NUMS";
    public static final String GROUP_GET_FROM_DISK_NUMS = "GROUP_GET_FROM_DISK_NUMS";
    public static final String GROUP_GET_FROM_DISK_SIZE = "GROUP_GET_FROM_DISK_SIZE";
    public static final String BROKER_GET_FROM_DISK_NUMS = "BROKER_GET_FROM_DISK_NUMS";
    public static final String BROKER_GET_FROM_DISK_SIZE = "BROKER_GET_FROM_DISK_SIZE";
    public static final String GROUP_GET_LATENCY = "GROUP_GET_LATENCY";
    /** Only with {@code enableDetailStat}. */
    public static final String QUEUE_PUT_NUMS = "QUEUE_PUT_NUMS";
    public static final String QUEUE_PUT_SIZE = "QUEUE_PUT_SIZE";
    public static final String QUEUE_GET_NUMS = "QUEUE_GET_NUMS";
    public static final String QUEUE_GET_SIZE = "QUEUE_GET_SIZE";
    /** Declared by RocketMQ and never incremented by its open-source paths; kept empty here too. */
    public static final String COMMERCIAL_SEND_TIMES = "COMMERCIAL_SEND_TIMES";
    public static final String COMMERCIAL_SNDBCK_TIMES = "COMMERCIAL_SNDBCK_TIMES";
    public static final String COMMERCIAL_RCV_TIMES = "COMMERCIAL_RCV_TIMES";
    public static final String COMMERCIAL_RCV_EPOLLS = "COMMERCIAL_RCV_EPOLLS";
    public static final String COMMERCIAL_SEND_SIZE = "COMMERCIAL_SEND_SIZE";
    public static final String COMMERCIAL_RCV_SIZE = "COMMERCIAL_RCV_SIZE";
    public static final String COMMERCIAL_PERM_FAILURES = "COMMERCIAL_PERM_FAILURES";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerStatsManager.class);
    private static final Logger STATS_LOG = LoggerFactory.getLogger(STATS_LOGGER);
    private static final long TICK_MILLIS = 500;

    private final String clusterName;
    private final boolean enableDetailStat;
    private final BooleanSupplier autoDeleteUnusedStats;
    private final LongSupplier clock;
    private final ZoneId zone;
    private final Map<String, StatsItemSet> sets;
    private final StatsItemSet topicPutNums;
    private final StatsItemSet topicPutSize;
    private final StatsItemSet groupGetNums;
    private final StatsItemSet groupGetSize;
    private final StatsItemSet sendBackNums;
    private final StatsItemSet brokerPutNums;
    private final StatsItemSet brokerGetNums;
    private final StatsItemSet groupGetLatency;
    private final StatsItemSet queuePutNums;
    private final StatsItemSet queuePutSize;
    private final StatsItemSet queueGetNums;
    private final StatsItemSet queueGetSize;

    // sampler state, touched only by tick() (synchronized)
    private long nextMinuteSample;
    private long nextHourSample;
    private long nextDaySample;
    private long loggedMinute;
    private long loggedHour;
    private LocalDate loggedDay;
    private ScheduledExecutorService scheduler;

    /**
     * @param clusterName key of BROKER_PUT_NUMS / BROKER_GET_NUMS
     * @param enableDetailStat broker key {@code enableDetailStat}: adds the QUEUE_* sets and keys
     *     GROUP_GET_LATENCY by {@code <queueId>@<topic>@<group>}
     * @param autoDeleteUnusedStats broker key {@code autoDeleteUnusedStats}, read at each deletion
     */
    public BrokerStatsManager(String clusterName, boolean enableDetailStat, BooleanSupplier autoDeleteUnusedStats,
                              LongSupplier clock, ZoneId zone) {
        this.clusterName = clusterName;
        this.enableDetailStat = enableDetailStat;
        this.autoDeleteUnusedStats = autoDeleteUnusedStats;
        this.clock = clock;
        this.zone = zone;
        Map<String, StatsItemSet> m = new LinkedHashMap<>();
        topicPutNums = register(m, TOPIC_PUT_NUMS);
        topicPutSize = register(m, TOPIC_PUT_SIZE);
        groupGetNums = register(m, GROUP_GET_NUMS);
        groupGetSize = register(m, GROUP_GET_SIZE);
        sendBackNums = register(m, SNDBCK_PUT_NUMS);
        brokerPutNums = register(m, BROKER_PUT_NUMS);
        brokerGetNums = register(m, BROKER_GET_NUMS);
        groupGetLatency = register(m, GROUP_GET_LATENCY);
        for (String name : new String[] {GROUP_GET_FROM_DISK_NUMS, GROUP_GET_FROM_DISK_SIZE, BROKER_GET_FROM_DISK_NUMS,
            BROKER_GET_FROM_DISK_SIZE, COMMERCIAL_SEND_TIMES, COMMERCIAL_SNDBCK_TIMES, COMMERCIAL_RCV_TIMES,
            COMMERCIAL_RCV_EPOLLS, COMMERCIAL_SEND_SIZE, COMMERCIAL_RCV_SIZE, COMMERCIAL_PERM_FAILURES}) {
            register(m, name);
        }
        queuePutNums = enableDetailStat ? register(m, QUEUE_PUT_NUMS) : null;
        queuePutSize = enableDetailStat ? register(m, QUEUE_PUT_SIZE) : null;
        queueGetNums = enableDetailStat ? register(m, QUEUE_GET_NUMS) : null;
        queueGetSize = enableDetailStat ? register(m, QUEUE_GET_SIZE) : null;
        this.sets = Collections.unmodifiableMap(m);
        long now = clock.getAsLong();
        nextMinuteSample = now;
        nextHourSample = now;
        nextDaySample = now;
        loggedMinute = now / 60_000;
        loggedHour = now / 3_600_000;
        loggedDay = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
    }

    private static StatsItemSet register(Map<String, StatsItemSet> m, String name) {
        StatsItemSet s = new StatsItemSet(name);
        m.put(name, s);
        return s;
    }

    // ---- increments (hot path: no lock) ---------------------------------------------------------

    /** A successful send of {@code num} messages ({@code times} requests). */
    public void incTopicPutNums(String topic, int num, int times) {
        topicPutNums.add(topic, num, times);
    }

    public void incTopicPutSize(String topic, long size) {
        topicPutSize.add(topic, size, 1);
    }

    public void incQueuePutNums(String topic, int queueId, int num, int times) {
        if (queuePutNums != null) {
            queuePutNums.add(topic + "@" + queueId, num, times);
        }
    }

    public void incQueuePutSize(String topic, int queueId, long size) {
        if (queuePutSize != null) {
            queuePutSize.add(topic + "@" + queueId, size, 1);
        }
    }

    public void incGroupGetNums(String group, String topic, int num) {
        groupGetNums.add(topic + "@" + group, num, 1);
    }

    public void incGroupGetSize(String group, String topic, long size) {
        groupGetSize.add(topic + "@" + group, size, 1);
    }

    public void incQueueGetNums(String group, String topic, int queueId, int num) {
        if (queueGetNums != null) {
            queueGetNums.add(topic + "@" + queueId + "@" + group, num, 1);
        }
    }

    public void incQueueGetSize(String group, String topic, int queueId, long size) {
        if (queueGetSize != null) {
            queueGetSize.add(topic + "@" + queueId + "@" + group, size, 1);
        }
    }

    /** Milliseconds from a pull's arrival until its reply body was built. */
    public void incGroupGetLatency(String group, String topic, int queueId, long millis) {
        String key = enableDetailStat ? queueId + "@" + topic + "@" + group : topic + "@" + group;
        groupGetLatency.add(key, millis, 1);
    }

    /** A CONSUMER_SEND_MSG_BACK stored; {@code topic} is the message's original topic. */
    public void incSendBackNums(String group, String topic) {
        sendBackNums.add(topic + "@" + group, 1, 1);
    }

    /** Messages stored by the broker (value only: RocketMQ never counts times here). */
    public void incBrokerPutNums(int num) {
        brokerPutNums.add(clusterName, num, 0);
    }

    public void incBrokerGetNums(int num) {
        brokerGetNums.add(clusterName, num, 0);
    }

    // ---- reads ------------------------------------------------------------------------------------

    /** Every set by name, in RocketMQ's declaration order. */
    public Map<String, StatsItemSet> sets() {
        return sets;
    }

    /** The set of a name, or null when this broker has no such set (e.g. QUEUE_* without enableDetailStat). */
    public StatsItemSet statsSet(String statsName) {
        return sets.get(statsName);
    }

    /** The item, or null when the name is unknown or nothing was counted under the key. */
    public StatsItem find(String statsName, String statsKey) {
        StatsItemSet set = sets.get(statsName);
        return set == null ? null : set.find(statsKey);
    }

    /** Messages per second {@code group} pulled from {@code topic} over the minute window. */
    public double tpsGroupGetNums(String group, String topic) {
        StatsItem item = groupGetNums.find(topic + "@" + group);
        return item == null ? 0.0 : item.getStatsDataInMinute().getTps();
    }

    public String clusterName() {
        return clusterName;
    }

    // ---- deletion ---------------------------------------------------------------------------------

    /** DELETE_TOPIC: drops the topic's items when {@code autoDeleteUnusedStats} is on. */
    public void onTopicDeleted(String topic) {
        if (!autoDeleteUnusedStats.getAsBoolean()) {
            return;
        }
        String prefix = topic + "@";
        String inner = "@" + topic + "@";
        int removed = 0;
        for (StatsItemSet s : sets.values()) {
            removed += s.removeIf(k -> k.equals(topic) || k.startsWith(prefix) || k.contains(inner));
        }
        LOG.info("stats of deleted topic {} removed: {} items", topic, removed);
    }

    /** DELETE_SUBSCRIPTIONGROUP: drops the group's items when {@code autoDeleteUnusedStats} is on. */
    public void onGroupDeleted(String group) {
        if (!autoDeleteUnusedStats.getAsBoolean()) {
            return;
        }
        String suffix = "@" + group;
        int removed = 0;
        for (StatsItemSet s : sets.values()) {
            removed += s.removeIf(k -> k.endsWith(suffix));
        }
        LOG.info("stats of deleted group {} removed: {} items", group, removed);
    }

    // ---- sampling ---------------------------------------------------------------------------------

    /**
     * Takes the samples that are due at {@code now} (minute window every 10 s, hour every 10 min, day every
     * hour, the first ones at construction time) and writes the summary lines at each whole minute, hour
     * and local day.
     */
    public synchronized void tick(long now) {
        if (now >= nextMinuteSample) {
            for (StatsItemSet s : sets.values()) {
                s.sampleMinute(now);
            }
            nextMinuteSample = next(nextMinuteSample, StatsItem.MINUTE_INTERVAL_MILLIS, now);
        }
        if (now >= nextHourSample) {
            for (StatsItemSet s : sets.values()) {
                s.sampleHour(now);
            }
            nextHourSample = next(nextHourSample, StatsItem.HOUR_INTERVAL_MILLIS, now);
        }
        if (now >= nextDaySample) {
            for (StatsItemSet s : sets.values()) {
                s.sampleDay(now);
            }
            nextDaySample = next(nextDaySample, StatsItem.DAY_INTERVAL_MILLIS, now);
        }
        if (now / 60_000 != loggedMinute) {
            loggedMinute = now / 60_000;
            logAll("Minute");
        }
        if (now / 3_600_000 != loggedHour) {
            loggedHour = now / 3_600_000;
            logAll("Hour");
        }
        LocalDate today = Instant.ofEpochMilli(now).atZone(zone).toLocalDate();
        if (!today.equals(loggedDay)) {
            loggedDay = today;
            logAll("Day");
        }
    }

    /** Fixed rate; after a stall (suspended JVM, slow machine) the schedule restarts from now. */
    private static long next(long due, long interval, long now) {
        long n = due + interval;
        return n <= now ? now + interval : n;
    }

    private void logAll(String window) {
        if (!STATS_LOG.isInfoEnabled()) {
            return;
        }
        for (StatsItemSet s : sets.values()) {
            boolean rt = s == groupGetLatency;
            for (StatsItem i : s.items()) {
                StatsSnapshot d = window.equals("Minute") ? i.getStatsDataInMinute()
                    : window.equals("Hour") ? i.getStatsDataInHour() : i.getStatsDataInDay();
                if (rt) {
                    STATS_LOG.info(String.format("[%s] [%s] Stats In One %s, TIMES: %d AVGRT: %.2f", s.getStatsName(),
                        i.getStatsKey(), window, d.getTimes(), d.getAvgpt()));
                } else {
                    STATS_LOG.info(String.format("[%s] [%s] Stats In One %s, SUM: %d TPS: %.2f AVGPT: %.2f",
                        s.getStatsName(), i.getStatsKey(), window, d.getSum(), d.getTps(), d.getAvgpt()));
                }
            }
        }
    }

    /** Starts sampling on the thread {@code BrokerStatsThread}; the first samples are taken at once. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("BrokerStatsThread", true));
        scheduler.scheduleWithFixedDelay(this::tickNow, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tickNow() {
        try {
            tick(clock.getAsLong());
        } catch (RuntimeException e) {
            LOG.error("broker stats sampling failed", e);
        }
    }

    public synchronized void shutdown() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
