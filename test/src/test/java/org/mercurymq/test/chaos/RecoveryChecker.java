package org.mercurymq.test.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Recovery time: from each healing of a fault (a node restarted and booted, a paused node resumed) to the
 * first OK send that started at or after it, for faults of {@code kind}. With several broker groups a send
 * to a healthy group also counts: this is the clients' view, not one broker's. Stateless.
 */
public final class RecoveryChecker {
    private RecoveryChecker() {
    }

    public static Windows check(History history, String kind) {
        List<SendRecord> ok = new ArrayList<>();
        for (SendRecord s : history.sends()) {
            if (s.outcome == SendOutcome.OK) {
                ok.add(s);
            }
        }
        ok.sort(Comparator.comparingLong(s -> s.startMillis));
        // earliest end among the OK sends from index i on
        long[] minEndFrom = new long[ok.size() + 1];
        minEndFrom[ok.size()] = Long.MAX_VALUE;
        for (int i = ok.size() - 1; i >= 0; i--) {
            minEndFrom[i] = Math.min(minEndFrom[i + 1], ok.get(i).endMillis);
        }
        List<Long> windows = new ArrayList<>();
        for (FaultEvent f : history.faults()) {
            if (f.injected || (kind != null && !kind.equals(f.kind))) {
                continue;
            }
            int lo = 0;
            int hi = ok.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ok.get(mid).startMillis < f.timeMillis) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (minEndFrom[lo] != Long.MAX_VALUE) {
                windows.add(minEndFrom[lo] - f.timeMillis);
            }
        }
        return new Windows(windows);
    }

    /** Time each fault of {@code kind} lasted: from its injection to its healing, in order. */
    public static Windows downtime(History history, String kind) {
        List<Long> windows = new ArrayList<>();
        Long injectedAt = null;
        for (FaultEvent f : history.faults()) {
            if (kind != null && !kind.equals(f.kind)) {
                continue;
            }
            if (f.injected) {
                injectedAt = f.timeMillis;
            } else if (injectedAt != null) {
                windows.add(f.timeMillis - injectedAt);
                injectedAt = null;
            }
        }
        return new Windows(windows);
    }
}
