package org.mercurymq.tools.command.cluster;

import java.util.Collections;
import java.util.Map;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/**
 * The GET_BROKER_RUNTIME_INFO values clusterList shows (docs/protocol/behaviour.md §13), read leniently: a missing or
 * malformed value counts as 0 and an unreachable broker as an empty table with version "N/A". Immutable.
 */
final class RuntimeStats {
    private final Map<String, String> table;

    RuntimeStats(Map<String, String> table) {
        this.table = table;
    }

    static RuntimeStats fetch(DefaultMQAdminExt admin, String addr) throws InterruptedException {
        try {
            return new RuntimeStats(admin.fetchBrokerRuntimeStats(addr).getTable());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new RuntimeStats(Collections.<String, String>emptyMap());
        }
    }

    String value(String key) {
        String v = table.get(key);
        return v == null ? "0" : v.trim();
    }

    String version() {
        String v = table.get("brokerVersionDesc");
        return v == null ? "N/A" : v;
    }

    long longValue(String key) {
        try {
            return Long.parseLong(value(key));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The first (10 s window) of a {@code "a b c"} TPS triple. */
    double firstOfTriple(String key) {
        // a window the broker has no samples for yet is empty ("  " right after start)
        String[] parts = value(key).trim().split("\\s+");
        try {
            return Double.parseDouble(parts[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    double inTps() {
        return firstOfTriple("putTps");
    }

    double outTps() {
        return firstOfTriple("getTransferedTps");
    }

    /** Hours since the earliest stored message. */
    double hours(long nowMillis) {
        return (nowMillis - longValue("earliestMessageTimeStamp")) / 3600.0 / 1000.0;
    }

    double diskRatio() {
        try {
            return Double.parseDouble(value("commitLogDiskRatio"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    long inTotalYesterday() {
        return longValue("msgPutTotalTodayMorning") - longValue("msgPutTotalYesterdayMorning");
    }

    long outTotalYesterday() {
        return longValue("msgGetTotalTodayMorning") - longValue("msgGetTotalYesterdayMorning");
    }

    long inTotalToday() {
        return longValue("msgPutTotalTodayNow") - longValue("msgPutTotalTodayMorning");
    }

    long outTotalToday() {
        return longValue("msgGetTotalTodayNow") - longValue("msgGetTotalTodayMorning");
    }
}
