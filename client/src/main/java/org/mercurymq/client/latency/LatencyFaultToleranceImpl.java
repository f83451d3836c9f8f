package org.mercurymq.client.latency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault items per broker name: last latency and the time from which it may be used again. Time comes
 * from an injected clock so tests need not wait. Thread-safe.
 */
public class LatencyFaultToleranceImpl implements LatencyFaultTolerance<String> {
    /** Milliseconds clock. */
    public interface Clock {
        long now();
    }

    private final ConcurrentHashMap<String, FaultItem> faultItemTable = new ConcurrentHashMap<String, FaultItem>(16);
    private final AtomicInteger whichItemWorst = new AtomicInteger();
    private final Clock clock;

    public LatencyFaultToleranceImpl() {
        this(new Clock() {
            @Override
            public long now() {
                return System.currentTimeMillis();
            }
        });
    }

    public LatencyFaultToleranceImpl(Clock clock) {
        this.clock = clock;
    }

    /** Follows a {@link java.time.Clock} (e.g. a client instance's). */
    public LatencyFaultToleranceImpl(final java.time.Clock clock) {
        this(new Clock() {
            @Override
            public long now() {
                return clock.millis();
            }
        });
    }

    @Override
    public void updateFaultItem(final String name, final long currentLatency, final long notAvailableDuration) {
        faultItemTable.put(name, new FaultItem(name, currentLatency, clock.now() + notAvailableDuration));
    }

    @Override
    public boolean isAvailable(final String name) {
        FaultItem item = faultItemTable.get(name);
        return item == null || item.isAvailable(clock.now());
    }

    @Override
    public void remove(final String name) {
        faultItemTable.remove(name);
    }

    @Override
    public String pickOneAtLeast() {
        final long now = clock.now();
        List<FaultItem> items = new ArrayList<FaultItem>(faultItemTable.values());
        if (items.isEmpty()) {
            return null;
        }
        Collections.sort(items, new Comparator<FaultItem>() {
            @Override
            public int compare(FaultItem a, FaultItem b) {
                boolean aa = a.isAvailable(now);
                boolean ba = b.isAvailable(now);
                if (aa != ba) {
                    return aa ? -1 : 1;
                }
                if (a.currentLatency != b.currentLatency) {
                    return a.currentLatency < b.currentLatency ? -1 : 1;
                }
                return a.startTimestamp < b.startTimestamp ? -1 : (a.startTimestamp == b.startTimestamp ? 0 : 1);
            }
        });
        int half = Math.max(1, items.size() / 2);
        int i = (whichItemWorst.getAndIncrement() & 0x7FFFFFFF) % half;
        return items.get(i).name;
    }

    @Override
    public String toString() {
        return "LatencyFaultToleranceImpl{faultItemTable=" + faultItemTable + "}";
    }

    /** One broker's record. Immutable. */
    static final class FaultItem {
        private final String name;
        private final long currentLatency;
        private final long startTimestamp;

        FaultItem(String name, long currentLatency, long startTimestamp) {
            this.name = name;
            this.currentLatency = currentLatency;
            this.startTimestamp = startTimestamp;
        }

        boolean isAvailable(long now) {
            return now >= startTimestamp;
        }

        @Override
        public String toString() {
            return "FaultItem{name='" + name + "', currentLatency=" + currentLatency + ", startTimestamp=" + startTimestamp + "}";
        }
    }
}
