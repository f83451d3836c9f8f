package org.mercurymq.broker.filter;

import java.nio.charset.StandardCharsets;

/**
 * RocketMQ's bloom parameters and bit positions for a consumer's filter (docs/broker.md, "SQL92 filtering"):
 * k = ceil(log0.5(f)), m = ceil(n·log2(1/f)·log2(e)) rounded up to whole bytes, positions from the first 64 bits
 * of MurmurHash3 x64 128 (seed 0) of {@code group#topic}. Mercury does not build bit maps; the positions are kept
 * only so that consumerFilter.json has RocketMQ's content. Immutable and thread-safe.
 */
public final class BloomFilter {
    private final int k;
    private final int m;

    private BloomFilter(int k, int m) {
        this.k = k;
        this.m = m;
    }

    /**
     * @param errorRatePercent maxErrorRateOfBloomFilter (1–99)
     * @param expectedKeys     expectConsumerNumUseFilter
     */
    public static BloomFilter create(int errorRatePercent, int expectedKeys) {
        if (errorRatePercent < 1 || errorRatePercent > 99) {
            throw new IllegalArgumentException("maxErrorRateOfBloomFilter must be in 1..99, was " + errorRatePercent);
        }
        if (expectedKeys < 1) {
            throw new IllegalArgumentException("expectConsumerNumUseFilter must be positive, was " + expectedKeys);
        }
        double f = errorRatePercent / 100.0;
        int k = (int) Math.ceil(Math.log(f) / Math.log(0.5));
        int m = (int) Math.ceil(expectedKeys * (Math.log(1 / f) / Math.log(2)) * (Math.log(Math.E) / Math.log(2)));
        m = (int) (Byte.SIZE * Math.ceil(m / (Byte.SIZE * 1.0)));
        return new BloomFilter(k, m);
    }

    public int k() {
        return k;
    }

    public int m() {
        return m;
    }

    public int[] bitPositions(String key) {
        long hash64 = murmur3x64First64(key.getBytes(StandardCharsets.UTF_8));
        int hash1 = (int) hash64;
        int hash2 = (int) (hash64 >>> 32);
        int[] positions = new int[k];
        for (int i = 1; i <= k; i++) {
            int combined = hash1 + i * hash2;
            if (combined < 0) {
                combined = ~combined;
            }
            positions[i - 1] = combined % m;
        }
        return positions;
    }

    /** True when stored positions were made with these parameters. */
    public boolean fits(int bitNum, int[] bitPos) {
        return bitNum == m && bitPos != null && bitPos.length == k;
    }

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    /** h1 of MurmurHash3_x64_128 with seed 0 (the first 8 little-endian bytes of the 128-bit hash). */
    static long murmur3x64First64(byte[] data) {
        long h1 = 0;
        long h2 = 0;
        int blocks = data.length / 16;
        for (int b = 0; b < blocks; b++) {
            long k1 = littleEndian(data, b * 16, 8);
            long k2 = littleEndian(data, b * 16 + 8, 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = blocks * 16;
        int rest = data.length - tail;
        if (rest > 0) {
            long k1 = littleEndian(data, tail, Math.min(rest, 8));
            long k2 = rest > 8 ? littleEndian(data, tail + 8, rest - 8) : 0;
            h1 ^= mixK1(k1);
            h2 ^= mixK2(k2);
        }
        h1 ^= data.length;
        h2 ^= data.length;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        return h1;
    }

    private static long littleEndian(byte[] data, int from, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (data[from + i] & 0xffL);
        }
        return v;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
