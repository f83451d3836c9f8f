package org.mercurymq.test.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * OpenChaos "unavailability": for each injected fault, from the first send after it that did not succeed
 * to the first OK send completed after that failure. A failure counts from the fault's time at the
 * earliest (a send in flight when the fault hit). Faults after which no send failed (a failover absorbed
 * them) contribute no window. A window still open at the end of the history runs to its last send.
 * Stateless.
 */
public final class UnavailabilityChecker {
    private UnavailabilityChecker() {
    }

    /** Windows for faults of {@code kind} (null: every kind). */
    public static Windows check(History history, String kind) {
        List<SendRecord> byEnd = new ArrayList<>(history.sends());
        byEnd.sort(Comparator.comparingLong(s -> s.endMillis));
        List<FaultEvent> injected = new ArrayList<>();
        for (FaultEvent f : history.faults()) {
            if (f.injected && (kind == null || kind.equals(f.kind))) {
                injected.add(f);
            }
        }
        List<Long> windows = new ArrayList<>();
        for (int i = 0; i < injected.size(); i++) {
            long from = injected.get(i).timeMillis;
            long until = i + 1 < injected.size() ? injected.get(i + 1).timeMillis : Long.MAX_VALUE;
            SendRecord firstFailure = null;
            SendRecord recovered = null;
            int lo = 0;
            int hi = byEnd.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (byEnd.get(mid).endMillis < from) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (SendRecord s : byEnd.subList(lo, byEnd.size())) {
                if (firstFailure == null) {
                    if (s.endMillis >= until) {
                        break;
                    }
                    if (s.outcome != SendOutcome.OK) {
                        firstFailure = s;
                    }
                } else if (s.outcome == SendOutcome.OK && s.endMillis > firstFailure.endMillis) {
                    recovered = s;
                    break;
                }
            }
            if (firstFailure != null) {
                long start = Math.max(from, firstFailure.startMillis);
                long end = recovered != null ? recovered.endMillis : byEnd.get(byEnd.size() - 1).endMillis;
                windows.add(Math.max(0, end - start));
            }
        }
        return new Windows(windows);
    }
}
