package org.mercurymq.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleUsersTest {
    @TempDir
    Path dir;

    @Test
    void aLineMadeByLineChecksItsPasswordOnlyAndKeepsItsRole() {
        String admin = ConsoleUsers.line("alice", Role.ADMIN, "s3cret pass".toCharArray());
        String viewer = ConsoleUsers.line("bob", Role.VIEWER, "other".toCharArray());
        assertTrue(admin.startsWith("alice = admin:pbkdf2-sha256:" + PasswordHash.DEFAULT_ITERATIONS + ":"), admin);
        assertFalse(admin.contains("s3cret"), admin);
        ConsoleUsers users = ConsoleUsers.parse(List.of("# console users", "", admin, "  " + viewer + "  "));
        assertEquals(2, users.size());
        assertEquals(Optional.of(Role.ADMIN), users.check("alice", "s3cret pass".toCharArray()));
        assertEquals(Optional.of(Role.VIEWER), users.check("bob", "other".toCharArray()));
        assertEquals(Optional.empty(), users.check("alice", "s3cret pas".toCharArray()));
        assertEquals(Optional.empty(), users.check("alice", "other".toCharArray()));
        assertEquals(Optional.empty(), users.check("carol", "s3cret pass".toCharArray()));
        assertEquals(Optional.empty(), users.check(null, "s3cret pass".toCharArray()));
    }

    @Test
    void theSameLineTwiceHasDifferentSalts() {
        String a = ConsoleUsers.line("alice", Role.ADMIN, "pw".toCharArray());
        String b = ConsoleUsers.line("alice", Role.ADMIN, "pw".toCharArray());
        assertNotEquals(a.split(":")[3], b.split(":")[3]);
        assertNotEquals(a.split(":")[4], b.split(":")[4]);
    }

    @Test
    void malformedLinesAreRefusedWithTheirLineNumberAndNotTheirContent() {
        String good = ConsoleUsers.line("alice", Role.ADMIN, "pw".toCharArray());
        String[] fields = good.substring(good.indexOf('=') + 1).strip().split(":");
        String salt = fields[3];
        String hash = fields[4];
        List<String> bad = List.of(
            "alice admin:pbkdf2-sha256:210000:" + salt + ":" + hash,       // no '='
            "al ice = admin:pbkdf2-sha256:210000:" + salt + ":" + hash,    // bad name
            "alice = root:pbkdf2-sha256:210000:" + salt + ":" + hash,      // unknown role
            "alice = admin:md5:210000:" + salt + ":" + hash,               // other scheme
            "alice = admin:pbkdf2-sha256:1000:" + salt + ":" + hash,       // too few iterations
            "alice = admin:pbkdf2-sha256:many:" + salt + ":" + hash,       // not a number
            "alice = admin:pbkdf2-sha256:210000:" + salt + ":%%%",         // not Base64
            "alice = admin:pbkdf2-sha256:210000:" + salt);                  // a field short
        for (String line : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsoleUsers.parse(List.of("# users", line)), line);
            assertTrue(e.getMessage().startsWith("line 2: "), e.getMessage());
            assertFalse(e.getMessage().contains(hash), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ConsoleUsers.parse(List.of(good, good)), "a user twice");
        assertThrows(IllegalArgumentException.class, () -> ConsoleUsers.parse(List.of("# nobody")), "no users");
    }

    private static ConsoleUsers load(Path file, String key) {
        return UsersFile.open(file, key, new Sessions(Clock.systemUTC(), Duration.ofMinutes(1)), Clock.systemUTC(),
            Duration.ofSeconds(5)).users();
    }

    @Test
    void loadNamesTheKeyWhenTheFileIsMissingOrMalformed() throws Exception {
        Path missing = dir.resolve("missing.properties");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> load(missing, "console.login.usersFile"));
        assertTrue(e.getMessage().startsWith("console.login.usersFile: "), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

        Path malformed = Files.writeString(dir.resolve("bad.properties"), "alice = admin\n", StandardCharsets.UTF_8);
        e = assertThrows(IllegalArgumentException.class, () -> load(malformed, "console.login.usersFile"));
        assertTrue(e.getMessage().startsWith("console.login.usersFile: ") && e.getMessage().contains("line 1"),
            e.getMessage());

        Path good = Files.writeString(dir.resolve("users.properties"),
            ConsoleUsers.line("alice", Role.VIEWER, "pw".toCharArray()) + "\n", StandardCharsets.UTF_8);
        assertEquals(Optional.of(Role.VIEWER), load(good, "k").check("alice", "pw".toCharArray()));
    }
}
