package org.mercurymq.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 5, Duration.ofSeconds(30), Duration.ofMinutes(2),
        Duration.ofHours(1), 100);

    @Test
    void aUserIsLockedAfterItsFailuresAndTheLockoutDoublesUpToTheMaximum() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("alice", "10.0.0.1");
            assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.2"));
        }
        throttle.failed("alice", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedFor("alice", "10.0.0.2"));
        assertEquals(Optional.empty(), throttle.lockedFor("bob", "10.0.0.2"), "other users are not locked");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.2"));
        throttle.failed("alice", "10.0.0.2");
        assertEquals(Optional.of(Duration.ofSeconds(60)), throttle.lockedFor("alice", "10.0.0.3"));
        clock.advance(Duration.ofSeconds(60));
        throttle.failed("alice", "10.0.0.3");
        assertEquals(Optional.of(Duration.ofMinutes(2)), throttle.lockedFor("alice", "10.0.0.4"));
        clock.advance(Duration.ofMinutes(2));
        throttle.failed("alice", "10.0.0.4");
        assertEquals(Optional.of(Duration.ofMinutes(2)), throttle.lockedFor("alice", "10.0.0.5"), "capped");
    }

    @Test
    void anAddressIsLockedAfterItsFailuresAcrossUserNames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedFor("someone-else", "10.0.0.9"));
        assertEquals(Optional.empty(), throttle.lockedFor("someone-else", "10.0.0.8"));
    }

    @Test
    void aSuccessClearsTheUserButNotTheAddressAndOldFailuresAreForgotten() {
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        throttle.succeeded("alice");
        throttle.failed("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.lockedFor("alice", "10.0.0.2"), "2 in a row since the success");
        throttle.failed("dave", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedFor("x", "10.0.0.1"),
            "the address counts all 5, the success did not clear it");
        clock.advance(Duration.ofHours(2));
        throttle.failed("carol", "10.0.0.7");
        throttle.failed("carol", "10.0.0.7");
        assertEquals(Optional.empty(), throttle.lockedFor("carol", "10.0.0.6"));
    }

    @Test
    void randomNamesDoNotGrowTheTableBeyondItsBound() {
        for (int i = 0; i < 1_000; i++) {
            throttle.failed("random-" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertTrue(throttle.tracked() <= 100, "tracked " + throttle.tracked());
    }
}
