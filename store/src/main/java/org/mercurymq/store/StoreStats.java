package org.mercurymq.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Put and get counters, put latency distribution and TPS over 10 s / 60 s / 600 s windows (sampled once
 * a second by the store's scheduler), rendered with RocketMQ's runtime-info key names. Thread-safe.
 */
public final class StoreStats {
    private static final Logger LOG = LoggerFactory.getLogger(StoreStats.class);
    private static final long[] LATENCY_BOUNDS_MS = {0, 10, 50, 100, 200, 500, 1000, 2000, 3000, 4000, 5000, 10000};
    private static final String[] LATENCY_NAMES = {"[<=0ms]", "[0~10ms]", "[10~50ms]", "[50~100ms]", "[100~200ms]",
        "[200~500ms]", "[500ms~1s]", "[1~2s]", "[2~3s]", "[3~4s]", "[4~5s]", "[5~10s]", "[10s~]"};
    private static final int MAX_SAMPLES = 601;

    private final long bootTimestamp;
    private final LongAdder putMessageTimesTotal = new LongAdder();
    private final LongAdder putMessageSizeTotal = new LongAdder();
    private final LongAdder putMessageFailedTimes = new LongAdder();
    private final AtomicLong putMessageEntireTimeMax = new AtomicLong();
    private final LongAdder[] putLatency = newAdders(LATENCY_NAMES.length);
    private final LongAdder getMessageTimesTotalFound = new LongAdder();
    private final LongAdder getMessageTimesTotalMiss = new LongAdder();
    private final LongAdder getMessageTransferedMsgCount = new LongAdder();
    private final AtomicLong getMessageEntireTimeMax = new AtomicLong();
    private final Deque<long[]> samples = new ArrayDeque<>();
    private final AtomicLong recoveryHoles = new AtomicLong();
    private final AtomicLong recoveryHoleBytes = new AtomicLong();
    private final LongAdder forceCleanDeletedMessages = new LongAdder();
    private final LongAdder forceCleanDeletedUnconsumedMessages = new LongAdder();
    private final FlushLatency commitLogFlushLatency = new FlushLatency();

    private static LongAdder[] newAdders(int n) {
        LongAdder[] adders = new LongAdder[n];
        for (int i = 0; i < n; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    public StoreStats(long bootTimestamp) {
        this.bootTimestamp = bootTimestamp;
    }

    /** Time of each commit-log force that wrote something. */
    public FlushLatency commitLogFlushLatency() {
        return commitLogFlushLatency;
    }

    public void onPut(int msgNum, long bytes, long elapsedMillis, boolean ok) {
        if (!ok) {
            putMessageFailedTimes.increment();
            return;
        }
        putMessageTimesTotal.add(msgNum);
        putMessageSizeTotal.add(bytes);
        if (elapsedMillis > putMessageEntireTimeMax.get()) {
            putMessageEntireTimeMax.accumulateAndGet(elapsedMillis, Math::max);
        }
        int bucket = LATENCY_BOUNDS_MS.length;
        for (int i = 0; i < LATENCY_BOUNDS_MS.length; i++) {
            if (elapsedMillis <= LATENCY_BOUNDS_MS[i]) {
                bucket = i;
                break;
            }
        }
        putLatency[bucket].increment();
    }

    public void onGet(boolean found, int msgCount, long elapsedMillis) {
        if (found) {
            getMessageTimesTotalFound.increment();
            getMessageTransferedMsgCount.add(msgCount);
        } else {
            getMessageTimesTotalMiss.increment();
        }
        if (elapsedMillis > getMessageEntireTimeMax.get()) {
            getMessageEntireTimeMax.accumulateAndGet(elapsedMillis, Math::max);
        }
    }

    /** The commit-log holes the last recovery found and skipped (docs/store.md "Holes"). */
    public void onRecoveryHoles(long holes, long bytes) {
        recoveryHoles.set(holes);
        recoveryHoleBytes.set(bytes);
    }

    public long getRecoveryHoles() {
        return recoveryHoles.get();
    }

    public long getRecoveryHoleBytes() {
        return recoveryHoleBytes.get();
    }

    /** Messages deleted by forced cleanup before they expired, and how many of them were not consumed yet. */
    public void onForcedClean(long deletedMessages, long unconsumedMessages) {
        forceCleanDeletedMessages.add(deletedMessages);
        forceCleanDeletedUnconsumedMessages.add(unconsumedMessages);
    }

    public long getForceCleanDeletedMessages() {
        return forceCleanDeletedMessages.sum();
    }

    public long getForceCleanDeletedUnconsumedMessages() {
        return forceCleanDeletedUnconsumedMessages.sum();
    }

    public long getPutMessageTimesTotal() {
        return putMessageTimesTotal.sum();
    }

    public long getPutMessageSizeTotal() {
        return putMessageSizeTotal.sum();
    }

    public long getPutMessageFailedTimes() {
        return putMessageFailedTimes.sum();
    }

    public long getGetMessageTransferedMsgCount() {
        return getMessageTransferedMsgCount.sum();
    }

    /** Records one sample for the TPS windows. */
    public synchronized void sample(long now) {
        samples.addLast(new long[] {now, getPutMessageTimesTotal(), getMessageTimesTotalFound.sum(),
            getMessageTimesTotalMiss.sum(), getMessageTransferedMsgCount.sum()});
        while (samples.size() > MAX_SAMPLES) {
            samples.removeFirst();
        }
    }

    /**
     * TPS over the last {@code window} samples (one a second), Java's {@code Double.toString}; an empty string
     * while fewer samples exist, as RocketMQ prints it (docs/statistics.md "Runtime info").
     */
    private synchronized String tps(int column, int window) {
        double tps = tpsValue(column, window);
        return Double.isNaN(tps) ? "" : Double.toString(tps);
    }

    /** NaN when there are not {@code window + 1} samples yet. */
    private synchronized double tpsValue(int column, int window) {
        if (samples.size() <= window) {
            return Double.NaN;
        }
        long[] last = samples.peekLast();
        long[] first = null;
        int skip = samples.size() - (window + 1);
        for (long[] s : samples) {
            if (skip-- == 0) {
                first = s;
                break;
            }
        }
        long millis = last[0] - first[0];
        return millis <= 0 ? 0.0 : (last[column] - first[column]) * 1000.0 / millis;
    }

    private String tpsWindows(int column) {
        return tps(column, 10) + " " + tps(column, 60) + " " + tps(column, 600);
    }

    /**
     * One [STORETPS] line (TPS over the last minute) and one [PAGECACHERT] line (the put latency distribution
     * of runtime info, since start) to this class's logger, which conf/logback_broker.xml routes to stats.log.
     */
    public void logMinute(long now) {
        LOG.info(String.format("[STORETPS] put_tps %.2f get_found_tps %.2f get_miss_tps %.2f get_transfered_tps %.2f",
            minuteTps(1), minuteTps(2), minuteTps(3), minuteTps(4)));
        Map<String, String> info = runtimeInfo(now);
        LOG.info("[PAGECACHERT] TotalPut {}, PutMessageDistributeTime {}", getPutMessageTimesTotal(),
            info.get("putMessageDistributeTime"));
    }

    private double minuteTps(int column) {
        double tps = tpsValue(column, 60);
        return Double.isNaN(tps) ? 0.0 : tps;
    }

    /** found + miss; a window without enough samples counts as 0.0 here. */
    private String totalTps(int window) {
        double found = tpsValue(2, window);
        double miss = tpsValue(3, window);
        return Double.toString((Double.isNaN(found) ? 0.0 : found) + (Double.isNaN(miss) ? 0.0 : miss));
    }

    /** RocketMQ's store runtime-info keys (the broker adds its own). */
    public Map<String, String> runtimeInfo(long now) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("bootTimestamp", String.valueOf(bootTimestamp));
        info.put("runtime", runtime(now - bootTimestamp));
        info.put("putMessageEntireTimeMax", String.valueOf(putMessageEntireTimeMax.get()));
        info.put("putMessageTimesTotal", String.valueOf(getPutMessageTimesTotal()));
        info.put("putMessageFailedTimes", String.valueOf(getPutMessageFailedTimes()));
        info.put("putMessageSizeTotal", String.valueOf(getPutMessageSizeTotal()));
        long times = getPutMessageTimesTotal();
        info.put("putMessageAverageSize", String.valueOf(times == 0 ? 0.0 : getPutMessageSizeTotal() / (double) times));
        StringBuilder dist = new StringBuilder();
        for (int i = 0; i < LATENCY_NAMES.length; i++) {
            if (i > 0) {
                dist.append(' ');
            }
            dist.append(LATENCY_NAMES[i]).append(':').append(putLatency[i].sum());
        }
        info.put("putMessageDistributeTime", dist.toString());
        info.put("getMessageEntireTimeMax", String.valueOf(getMessageEntireTimeMax.get()));
        info.put("putTps", tpsWindows(1));
        info.put("getFoundTps", tpsWindows(2));
        info.put("getMissTps", tpsWindows(3));
        info.put("getTotalTps", totalTps(10) + " " + totalTps(60) + " " + totalTps(600));
        info.put("getTransferedTps", tpsWindows(4));
        // Mercury's own keys (docs/reliability.md, "Corruption and recovery")
        info.put("commitLogRecoveryHoles", String.valueOf(recoveryHoles.get()));
        info.put("commitLogRecoveryHoleBytes", String.valueOf(recoveryHoleBytes.get()));
        info.put("forceCleanDeletedMessages", String.valueOf(getForceCleanDeletedMessages()));
        info.put("forceCleanDeletedUnconsumedMessages", String.valueOf(getForceCleanDeletedUnconsumedMessages()));
        return info;
    }

    private static String runtime(long millis) {
        long seconds = Math.max(0, millis) / 1000;
        return String.format("[ %d days, %d hours, %d minutes, %d seconds ]", seconds / 86400, (seconds / 3600) % 24,
            (seconds / 60) % 60, seconds % 60);
    }
}
