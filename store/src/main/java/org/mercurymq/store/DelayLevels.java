package org.mercurymq.store;

import org.mercurymq.common.config.ConfigException;

/** The parsed messageDelayLevel table: level 1..N to delay in ms. Immutable; thread-safe. */
public final class DelayLevels {
    private final long[] delays;

    private DelayLevels(long[] delays) {
        this.delays = delays;
    }

    /** Parses {@code "1s 5s 10s 30s 1m ..."} (units s, m, h, d). */
    public static DelayLevels parse(String text) {
        String[] parts = text.trim().split("\\s+");
        long[] delays = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.length() < 2) {
                throw new ConfigException("invalid messageDelayLevel entry '" + p + "'");
            }
            char unit = p.charAt(p.length() - 1);
            long n;
            try {
                n = Long.parseLong(p.substring(0, p.length() - 1));
            } catch (NumberFormatException e) {
                throw new ConfigException("invalid messageDelayLevel entry '" + p + "'");
            }
            long unitMillis;
            switch (unit) {
                case 's': unitMillis = 1000L; break;
                case 'm': unitMillis = 60_000L; break;
                case 'h': unitMillis = 3_600_000L; break;
                case 'd': unitMillis = 86_400_000L; break;
                default: throw new ConfigException("invalid unit in messageDelayLevel entry '" + p + "'");
            }
            delays[i] = n * unitMillis;
        }
        return new DelayLevels(delays);
    }

    public int maxLevel() {
        return delays.length;
    }

    /** Delay of a level (1-based); levels above the maximum are clamped to it. */
    public long delayMillis(int level) {
        int l = Math.max(1, Math.min(level, delays.length));
        return delays[l - 1];
    }
}
