package org.mercurymq.console.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * The logged-in sessions, kept in memory: a random 32-byte token per login that lasts while it is used at least
 * once per idle period (a console restart logs everyone out).
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Duration idle;
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();

    public Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /** A new session for {@code user} and its token. */
    public String open(String user, Role role) {
        Instant now = clock.instant();
        byToken.values().removeIf(s -> s.expired(now, idle));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, new Session(user, role, now));
        return token;
    }

    /** The live session of {@code token}, whose idle time starts again; empty when unknown or expired. */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.expired(now, idle)) {
            byToken.remove(token, s);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    public void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    /** Closes every session whose user and role {@code keep} refuses; how many it closed. */
    public int closeUnless(BiPredicate<String, Role> keep) {
        int closed = 0;
        for (Map.Entry<String, Session> e : byToken.entrySet()) {
            Session s = e.getValue();
            if (!keep.test(s.user, s.role) && byToken.remove(e.getKey(), s)) {
                closed++;
            }
        }
        return closed;
    }

    /** Who is logged in with a token and as what. */
    public static final class Session {
        private final String user;
        private final Role role;
        private volatile Instant lastUsed;

        Session(String user, Role role, Instant lastUsed) {
            this.user = user;
            this.role = role;
            this.lastUsed = lastUsed;
        }

        public String user() {
            return user;
        }

        public Role role() {
            return role;
        }

        boolean expired(Instant now, Duration idle) {
            return !now.isBefore(lastUsed.plus(idle));
        }
    }
}
