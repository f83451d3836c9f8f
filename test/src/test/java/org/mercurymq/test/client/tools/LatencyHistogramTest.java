package org.mercurymq.test.client.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mercurymq.example.benchmark.LatencyHistogram;

/** The benchmark tools' histogram: percentiles within its ~3 % bucket error. */
class LatencyHistogramTest {
    @Test
    void percentilesOfAUniformSpread() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 10_000; v++) {
            h.record(v);
        }
        assertEquals(10_000, h.count());
        assertEquals(10_000, h.maxMicros());
        assertEquals(5000.5, h.meanMicros(), 0.001);
        assertWithin(5000, h.percentileMicros(0.5));
        assertWithin(9900, h.percentileMicros(0.99));
        assertEquals(10_000, h.percentileMicros(1.0));
    }

    @Test
    void smallValuesAreExactAndMergingAdds() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < 10; i++) {
            a.record(7);
            b.record(40);
        }
        a.add(b);
        assertEquals(20, a.count());
        assertEquals(7, a.percentileMicros(0.5));
        assertEquals(40, a.percentileMicros(0.99));
        assertEquals(0, new LatencyHistogram().percentileMicros(0.99));
    }

    private static void assertWithin(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected * 0.04, "expected ~" + expected + " got " + actual);
    }
}
