package org.mercurymq.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {
    private static final Duration EVERY = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofHours(1));

    private Path write(String... lines) throws Exception {
        return Files.writeString(dir.resolve("users.properties"), String.join("\n", lines) + "\n",
            StandardCharsets.UTF_8);
    }

    private static String user(String name, Role role, String password) {
        return ConsoleUsers.line(name, role, password.toCharArray());
    }

    @Test
    void anAddedUserLogsInOnceTheCheckPeriodHasPassed() throws Exception {
        String alice = user("alice", Role.ADMIN, "a");
        Path file = write(alice);
        UsersFile users = UsersFile.open(file, "k", sessions, clock, EVERY);
        write(alice, user("bob", Role.VIEWER, "b"));

        assertEquals(Optional.empty(), users.users().check("bob", "b".toCharArray()), "not looked at yet");
        clock.advance(EVERY);
        assertEquals(Optional.of(Role.VIEWER), users.users().check("bob", "b".toCharArray()));
        assertEquals(Optional.of(Role.ADMIN), users.users().check("alice", "a".toCharArray()));
    }

    @Test
    void removingAUserOrChangingTheirRoleOrPasswordClosesTheirSessionsOnly() throws Exception {
        String keep = user("keep", Role.ADMIN, "k");
        Path file = write(keep, user("gone", Role.ADMIN, "g"), user("demoted", Role.ADMIN, "d"),
            user("rehashed", Role.VIEWER, "old"));
        UsersFile users = UsersFile.open(file, "k", sessions, clock, EVERY);
        String keepToken = sessions.open("keep", Role.ADMIN);
        String gone = sessions.open("gone", Role.ADMIN);
        String demoted = sessions.open("demoted", Role.ADMIN);
        String rehashed = sessions.open("rehashed", Role.VIEWER);

        write(keep, user("demoted", Role.VIEWER, "d"), user("rehashed", Role.VIEWER, "new"));
        clock.advance(EVERY);
        users.refresh();

        assertTrue(sessions.find(keepToken).isPresent(), "an unchanged user stays logged in");
        assertTrue(sessions.find(gone).isEmpty(), "a removed user is logged out");
        assertTrue(sessions.find(demoted).isEmpty(), "a changed role needs a new login");
        assertTrue(sessions.find(rehashed).isEmpty(), "a changed password needs a new login");
        assertEquals(Optional.of(Role.VIEWER), users.users().check("rehashed", "new".toCharArray()));
        assertEquals(Optional.empty(), users.users().check("rehashed", "old".toCharArray()));
    }

    @Test
    void aBrokenOrMissingFileKeepsTheUsersReadBefore() throws Exception {
        Path file = write(user("alice", Role.ADMIN, "a"));
        UsersFile users = UsersFile.open(file, "k", sessions, clock, EVERY);
        String token = sessions.open("alice", Role.ADMIN);

        write("alice = admin");
        clock.advance(EVERY);
        assertEquals(Optional.of(Role.ADMIN), users.users().check("alice", "a".toCharArray()), "malformed: kept");
        Files.delete(file);
        clock.advance(EVERY);
        assertEquals(Optional.of(Role.ADMIN), users.users().check("alice", "a".toCharArray()), "missing: kept");
        assertTrue(sessions.find(token).isPresent());

        write(user("bob", Role.VIEWER, "b"));
        clock.advance(EVERY);
        assertEquals(Optional.empty(), users.users().check("alice", "a".toCharArray()), "a good file again wins");
        assertTrue(sessions.find(token).isEmpty());
    }
}
