package org.mercurymq.test.chaos.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mercurymq.test.chaos.History;
import org.mercurymq.test.chaos.SendOutcome;
import org.mercurymq.test.chaos.SendRecord;

/**
 * Throughput and latency of the sends that started in a time window: acked per second, and the 50th / 99th
 * percentile and maximum of the OK sends' latency (start to outcome). For reports, never for assertions.
 * Immutable.
 */
public record SendStats(long sent, long acked, long notAcked, double ackedPerSecond, long p50Millis,
                        long p99Millis, long maxMillis) {

    /** Sends started in [fromMillis, toMillis). */
    public static SendStats of(History history, long fromMillis, long toMillis) {
        List<Long> latencies = new ArrayList<>();
        long sent = 0;
        for (SendRecord s : history.sends()) {
            if (s.startMillis < fromMillis || s.startMillis >= toMillis) {
                continue;
            }
            sent++;
            if (s.outcome == SendOutcome.OK) {
                latencies.add(s.endMillis - s.startMillis);
            }
        }
        Collections.sort(latencies);
        double seconds = Math.max(0.001, (toMillis - fromMillis) / 1000.0);
        return new SendStats(sent, latencies.size(), sent - latencies.size(),
            Math.round(latencies.size() / seconds * 10) / 10.0, percentile(latencies, 50), percentile(latencies, 99),
            latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    @Override
    public String toString() {
        return "sent=" + sent + " acked=" + acked + " notAcked=" + notAcked + " ackedPerSec=" + ackedPerSecond
            + " latencyMs p50=" + p50Millis + " p99=" + p99Millis + " max=" + maxMillis;
    }
}
