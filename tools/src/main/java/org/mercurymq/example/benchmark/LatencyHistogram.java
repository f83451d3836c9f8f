package org.mercurymq.example.benchmark;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds in log-linear buckets (exact below 64 µs, then 32 buckets per power of two,
 * i.e. within ~3 %), so percentiles come out of a fixed 1 KiB-ish table without storing samples.
 * Thread-safe; a snapshot taken while others record may miss the samples recorded meanwhile.
 */
public final class LatencyHistogram {
    private static final int LINEAR = 64;
    private static final int SUB_BITS = 5;
    private static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = LINEAR + (63 - 6) * SUB;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    static int index(long micros) {
        long v = Math.max(0, micros);
        if (v < LINEAR) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int mantissa = (int) ((v >> (exponent - SUB_BITS)) & (SUB - 1));
        return LINEAR + (exponent - 6) * SUB + mantissa;
    }

    /** The highest value that falls in bucket {@code index}. */
    static long upperBound(int index) {
        if (index < LINEAR) {
            return index;
        }
        int exponent = (index - LINEAR) / SUB + 6;
        int mantissa = (index - LINEAR) % SUB;
        long lower = (long) (SUB + mantissa) << (exponent - SUB_BITS);
        return lower + (1L << (exponent - SUB_BITS)) - 1;
    }

    public void record(long micros) {
        counts.incrementAndGet(index(micros));
        total.incrementAndGet();
        sum.addAndGet(micros);
        long m;
        do {
            m = max.get();
        } while (micros > m && !max.compareAndSet(m, micros));
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long c = other.counts.get(i);
            if (c != 0) {
                counts.addAndGet(i, c);
            }
        }
        total.addAndGet(other.total.get());
        sum.addAndGet(other.sum.get());
        long m;
        do {
            m = max.get();
        } while (other.max.get() > m && !max.compareAndSet(m, other.max.get()));
    }

    public long count() {
        return total.get();
    }

    public long maxMicros() {
        return max.get();
    }

    public double meanMicros() {
        long n = total.get();
        return n == 0 ? 0 : (double) sum.get() / n;
    }

    /** The value at quantile {@code q} (0..1), as the upper bound of its bucket; 0 when empty. */
    public long percentileMicros(double q) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(upperBound(i), max.get());
            }
        }
        return max.get();
    }
}
