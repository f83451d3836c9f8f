package org.mercurymq.console.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing at the console's login (docs/console.md, "Login"): after {@code userFailures} failed
 * logins in a row for one user name, or {@code addressFailures} from one client address, further logins for it are
 * refused without checking the password for a lockout that starts at {@code firstLockout} and doubles with each
 * failure after that, up to {@code maxLockout}. A user name that does not exist is counted the same way, so the
 * answer never tells whether it does. A successful login clears its user name's count (not its address's, or one
 * valid account would clear the way for guesses at the others); a count with no failure for {@code forgetAfter}
 * is forgotten. At most {@code maxTracked} names and addresses are kept (the oldest go first), so random names
 * cannot fill the heap. One WARN line when a lockout starts. Thread-safe (one monitor).
 */
public final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Pattern LOGGABLE_NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    private final Clock clock;
    private final int userFailures;
    private final int addressFailures;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final Duration forgetAfter;
    private final int maxTracked;
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    public LoginThrottle(Clock clock, int userFailures, int addressFailures, Duration firstLockout,
                         Duration maxLockout, Duration forgetAfter, int maxTracked) {
        this.clock = clock;
        this.userFailures = userFailures;
        this.addressFailures = addressFailures;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.forgetAfter = forgetAfter;
        this.maxTracked = maxTracked;
    }

    /** 5 failures per user name, 20 per address, 30 s doubling up to 15 min, forgotten after an hour. */
    public static LoginThrottle defaults(Clock clock) {
        return new LoginThrottle(clock, 5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1),
            10_000);
    }

    /** How long logins for {@code user} from {@code address} stay refused; empty when they may try. */
    public synchronized Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Duration a = remaining(userKey(user), now);
        Duration b = remaining(addressKey(address), now);
        Duration longer = a.compareTo(b) >= 0 ? a : b;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        count(userKey(user), userFailures, "user " + (LOGGABLE_NAME.matcher(user).matches() ? user : "(not a user name)"),
            now);
        count(addressKey(address), addressFailures, "address " + address, now);
        trim(now);
    }

    public synchronized void succeeded(String user) {
        entries.remove(userKey(user));
    }

    /** Names and addresses with a count (tests). */
    synchronized int tracked() {
        return entries.size();
    }

    private Duration remaining(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null || e.lockedUntil == null || !now.isBefore(e.lockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, e.lockedUntil);
    }

    private void count(String key, int free, String what, Instant now) {
        Entry e = entries.get(key);
        if (e == null || now.isAfter(e.lastFailure.plus(forgetAfter))) {
            e = new Entry();
            entries.put(key, e);
        }
        e.failures++;
        e.lastFailure = now;
        if (e.failures >= free) {
            int doublings = Math.min(e.failures - free, 30);
            Duration lock = firstLockout.multipliedBy(1L << doublings);
            if (lock.compareTo(maxLockout) > 0) {
                lock = maxLockout;
            }
            e.lockedUntil = now.plus(lock);
            LOG.warn("console logins for {} refused for {} s after {} failed in a row", what, lock.toSeconds(),
                e.failures);
        }
    }

    private void trim(Instant now) {
        if (entries.size() <= maxTracked) {
            return;
        }
        entries.values().removeIf(e -> now.isAfter(e.lastFailure.plus(forgetAfter))
            && (e.lockedUntil == null || !now.isBefore(e.lockedUntil)));
        Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
        while (entries.size() > maxTracked && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static String userKey(String user) {
        return "u:" + user;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static final class Entry {
        int failures;
        Instant lastFailure;
        Instant lockedUntil;
    }
}
