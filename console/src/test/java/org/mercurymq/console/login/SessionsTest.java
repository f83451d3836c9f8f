package org.mercurymq.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SessionsTest {
    @Test
    void aSessionLastsWhileUsedWithinTheIdlePeriodAndEndsOnClose() {
        TestClock clock = new TestClock();
        Sessions sessions = new Sessions(clock, Duration.ofHours(8));
        String token = sessions.open("alice", Role.ADMIN);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertNotEquals(token, sessions.open("alice", Role.ADMIN));
        assertEquals("alice", sessions.find(token).orElseThrow().user());
        assertEquals(Role.ADMIN, sessions.find(token).orElseThrow().role());

        clock.now = clock.now.plus(Duration.ofHours(7));
        assertTrue(sessions.find(token).isPresent(), "used within 8 h");
        clock.now = clock.now.plus(Duration.ofHours(7));
        assertTrue(sessions.find(token).isPresent(), "the idle time started again at the last use");
        clock.now = clock.now.plus(Duration.ofHours(8));
        assertTrue(sessions.find(token).isEmpty(), "idle for 8 h");

        String other = sessions.open("bob", Role.VIEWER);
        sessions.close(other);
        assertTrue(sessions.find(other).isEmpty());
        assertTrue(sessions.find("not-a-token").isEmpty());
        assertTrue(sessions.find(null).isEmpty());
    }
}
