package org.mercurymq.broker.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The window math of the broker statistics, driven by an injected clock (docs/statistics.md "Windows"). */
class BrokerStatsManagerTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final double EPS = 1e-9;

    private final AtomicLong clock = new AtomicLong(T0);
    private final AtomicBoolean autoDelete = new AtomicBoolean();

    private BrokerStatsManager manager(boolean detail) {
        return new BrokerStatsManager("DefaultCluster", detail, autoDelete::get, clock::get, ZoneOffset.UTC);
    }

    private void advanceAndTick(BrokerStatsManager m, long millis) {
        m.tick(clock.addAndGet(millis));
    }

    @Test
    void minuteWindowCountsEverythingUntilItsFirstSampleThenRollsOverSevenSamples() {
        BrokerStatsManager m = manager(true);
        m.tick(T0);
        m.incTopicPutNums("T", 5, 1);
        m.incTopicPutNums("T", 5, 1);
        StatsItem item = m.find(BrokerStatsManager.TOPIC_PUT_NUMS, "T");
        assertNotNull(item);
        assertEquals(10, item.getValue());
        assertEquals(2, item.getTimes());
        // no sample taken since the item was created: all zero
        assertEquals(0, item.getStatsDataInMinute().getSum());

        advanceAndTick(m, 10_000);
        StatsSnapshot minute = item.getStatsDataInMinute();
        assertEquals(10, minute.getSum());
        assertEquals(2, minute.getTimes());
        assertEquals(1.0, minute.getTps(), EPS);      // 10 messages over the synthetic 10 s interval
        assertEquals(5.0, minute.getAvgpt(), EPS);    // 10 messages / 2 requests
        assertEquals(0, item.getStatsDataInHour().getSum(), "the hour window samples every 10 minutes");

        for (int i = 0; i < 5; i++) {
            advanceAndTick(m, 10_000);
        }
        // 7 samples: synthetic at T0, real ones at T0+10 s .. T0+60 s
        minute = item.getStatsDataInMinute();
        assertEquals(10, minute.getSum());
        assertEquals(10 * 1000.0 / 60_000, minute.getTps(), EPS);

        advanceAndTick(m, 10_000);
        assertEquals(0, item.getStatsDataInMinute().getSum(), "the first interval left the minute window");
        assertEquals(0.0, item.getStatsDataInMinute().getAvgpt(), EPS);

        m.incTopicPutNums("T", 3, 1);
        advanceAndTick(m, 10_000);
        minute = item.getStatsDataInMinute();
        assertEquals(3, minute.getSum());
        assertEquals(3 * 1000.0 / 60_000, minute.getTps(), EPS);
        assertEquals(3.0, minute.getAvgpt(), EPS);
    }

    @Test
    void hourAndDayWindowsSampleEveryTenMinutesAndEveryHour() {
        BrokerStatsManager m = manager(true);
        m.tick(T0);
        m.incGroupGetNums("G", "T", 7);
        StatsItem item = m.find(BrokerStatsManager.GROUP_GET_NUMS, "T@G");
        for (int i = 0; i < 60; i++) {
            advanceAndTick(m, 10_000);      // T0 + 10 min
        }
        StatsSnapshot hour = item.getStatsDataInHour();
        assertEquals(7, hour.getSum());
        assertEquals(7 * 1000.0 / 600_000, hour.getTps(), EPS);
        assertEquals(0, item.getStatsDataInDay().getSum());
        for (int i = 0; i < 300; i++) {
            advanceAndTick(m, 10_000);      // T0 + 60 min
        }
        StatsSnapshot day = item.getStatsDataInDay();
        assertEquals(7, day.getSum());
        assertEquals(7 * 1000.0 / 3_600_000, day.getTps(), EPS);
        assertEquals(7.0, day.getAvgpt(), EPS);
        assertEquals(7, item.getStatsDataInHour().getSum(), "the synthetic sample at T0 is still the oldest");
        for (int i = 0; i < 60; i++) {
            advanceAndTick(m, 10_000);      // T0 + 70 min
        }
        assertEquals(0, item.getStatsDataInHour().getSum(), "older than the hour window now");
        assertEquals(7, item.getStatsDataInDay().getSum());
    }

    @Test
    void tickCatchesUpAfterAStallWithOneSample() {
        BrokerStatsManager m = manager(true);
        m.tick(T0);
        m.incTopicPutSize("T", 1000);
        advanceAndTick(m, 95_000);          // a stalled sampler: one sample, not nine
        StatsSnapshot minute = m.find(BrokerStatsManager.TOPIC_PUT_SIZE, "T").getStatsDataInMinute();
        assertEquals(1000, minute.getSum());
        assertEquals(100.0, minute.getTps(), EPS, "first sample after a synthetic one 10 s earlier");
        assertEquals(1000.0, minute.getAvgpt(), EPS);
    }

    @Test
    void keysFollowRocketMqLayout() {
        BrokerStatsManager detail = manager(true);
        detail.incGroupGetLatency("G", "T", 3, 12);
        detail.incSendBackNums("G", "T");
        detail.incBrokerPutNums(4);
        detail.incQueuePutNums("SCHEDULE_TOPIC_XXXX", 2, 1, 1);
        detail.incQueueGetNums("SCHEDULE_CONSUMER", "SCHEDULE_TOPIC_XXXX", 2, 1);
        assertNotNull(detail.find(BrokerStatsManager.GROUP_GET_LATENCY, "3@T@G"));
        assertNotNull(detail.find(BrokerStatsManager.SNDBCK_PUT_NUMS, "T@G"));
        assertNotNull(detail.find(BrokerStatsManager.QUEUE_PUT_NUMS, "SCHEDULE_TOPIC_XXXX@2"));
        assertNotNull(detail.find(BrokerStatsManager.QUEUE_GET_NUMS, "SCHEDULE_TOPIC_XXXX@2@SCHEDULE_CONSUMER"));
        StatsItem broker = detail.find(BrokerStatsManager.BROKER_PUT_NUMS, "DefaultCluster");
        assertEquals(4, broker.getValue());
        assertEquals(0, broker.getTimes(), "RocketMQ never counts times for BROKER_PUT_NUMS");
        assertNull(detail.find(BrokerStatsManager.TOPIC_PUT_NUMS, "T"));
        assertNull(detail.find("NO_SUCH_STATS", "T"));

        BrokerStatsManager plain = manager(false);
        plain.incGroupGetLatency("G", "T", 3, 12);
        plain.incQueuePutNums("SCHEDULE_TOPIC_XXXX", 2, 1, 1);
        assertNotNull(plain.find(BrokerStatsManager.GROUP_GET_LATENCY, "T@G"));
        assertNull(plain.statsSet(BrokerStatsManager.QUEUE_PUT_NUMS));
    }

    @Test
    void deletionOnlyWithAutoDeleteUnusedStats() {
        BrokerStatsManager m = manager(true);
        m.incTopicPutNums("T", 1, 1);
        m.incGroupGetNums("G", "T", 1);
        m.incGroupGetNums("G", "U", 1);
        m.incGroupGetLatency("G", "T", 0, 1);
        m.onTopicDeleted("T");
        m.onGroupDeleted("G");
        assertNotNull(m.find(BrokerStatsManager.TOPIC_PUT_NUMS, "T"), "autoDeleteUnusedStats is off by default");

        autoDelete.set(true);
        m.onTopicDeleted("T");
        assertNull(m.find(BrokerStatsManager.TOPIC_PUT_NUMS, "T"));
        assertNull(m.find(BrokerStatsManager.GROUP_GET_NUMS, "T@G"));
        assertNull(m.find(BrokerStatsManager.GROUP_GET_LATENCY, "0@T@G"));
        assertNotNull(m.find(BrokerStatsManager.GROUP_GET_NUMS, "U@G"));
        m.onGroupDeleted("G");
        assertNull(m.find(BrokerStatsManager.GROUP_GET_NUMS, "U@G"));
    }

    @Test
    void consumeTpsIsTheMinuteTpsOfGroupGetNums() {
        BrokerStatsManager m = manager(true);
        m.tick(T0);
        m.incGroupGetNums("G", "T", 50);
        advanceAndTick(m, 10_000);
        assertEquals(5.0, m.tpsGroupGetNums("G", "T"), EPS);
        assertEquals(0.0, m.tpsGroupGetNums("G", "other"), EPS);
    }
}
