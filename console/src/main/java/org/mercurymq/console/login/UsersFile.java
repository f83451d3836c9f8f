package org.mercurymq.console.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users file, read again when it changes (as rocketmq-dashboard watches its users.properties): an operator adds,
 * removes or re-hashes a user without restarting the console. Checked at most once per {@code every}, from the
 * requests that need the users (no thread of its own). A file that changed but no longer reads or parses keeps the
 * users read before (one WARN per such content); a good one replaces them, and the sessions of users it removed or
 * whose role or password it changed are closed, so that revoking a user takes effect at once.
 */
public final class UsersFile {
    private static final Logger LOG = LoggerFactory.getLogger(UsersFile.class);

    private final Path file;
    private final Sessions sessions;
    private final Clock clock;
    private final Duration every;
    private volatile ConsoleUsers users;
    // guarded by this
    private byte[] read;
    private byte[] refused;
    private Instant nextCheck;

    private UsersFile(Path file, byte[] read, ConsoleUsers users, Sessions sessions, Clock clock, Duration every) {
        this.file = file;
        this.read = read;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
        this.every = every;
        this.nextCheck = clock.instant().plus(every);
    }

    /**
     * The users of {@code file}, checked for changes at most once per {@code every}; an IllegalArgumentException
     * whose message names {@code key} and the file when it is missing, unreadable or malformed now.
     */
    public static UsersFile open(Path file, String key, Sessions sessions, Clock clock, Duration every) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(key + ": cannot read the users file " + file + " ("
                + e.getClass().getSimpleName() + ")");
        }
        try {
            return new UsersFile(file, bytes, parse(bytes), sessions, clock, every);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + file + ": " + e.getMessage());
        }
    }

    /** The users now, after reading the file again if it is time to look and it changed. */
    public ConsoleUsers users() {
        refresh();
        return users;
    }

    /** Reads the file again if {@code every} has passed since the last look and its bytes changed. */
    public synchronized void refresh() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return;
        }
        nextCheck = now.plus(every);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            refuse(new byte[0], "cannot be read (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (Arrays.equals(bytes, read)) {
            return;
        }
        ConsoleUsers next;
        try {
            next = parse(bytes);
        } catch (IllegalArgumentException e) {
            refuse(bytes, "does not parse: " + e.getMessage());
            return;
        }
        ConsoleUsers before = users;
        users = next;
        read = bytes;
        refused = null;
        int closed = sessions.closeUnless((name, role) -> before.sameUser(next, name));
        LOG.info("console users file {} read again: {} users (was {}); {} sessions closed (user removed, role or"
            + " password changed)", file, next.size(), before.size(), closed);
    }

    private void refuse(byte[] bytes, String why) {
        if (!Arrays.equals(bytes, refused)) {
            refused = bytes;
            LOG.warn("console users file {} changed but {}; still using the {} users read before", file, why,
                users.size());
        }
    }

    private static ConsoleUsers parse(byte[] bytes) {
        return ConsoleUsers.parse(new String(bytes, StandardCharsets.UTF_8).lines().toList());
    }
}
