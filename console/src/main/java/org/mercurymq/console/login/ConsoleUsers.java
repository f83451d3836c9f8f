package org.mercurymq.console.login;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's users, as read from the users file ({@code -Dconsole.login.usersFile}, {@link UsersFile}). One user a line:
 * <pre>name = role:pbkdf2-sha256:iterations:saltBase64:hashBase64</pre>
 * with role {@code admin} or {@code viewer}; blank lines and lines starting with {@code #} are skipped. A line is
 * made by {@code sh bin/tools.sh org.mercurymq.console.login.ConsoleUsers hash <name> <role>} with the password on
 * stdin (docs/console.md, "Login").
 */
public final class ConsoleUsers {
    static final String SCHEME = "pbkdf2-sha256";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    /** Checked for a user that does not exist, so that an unknown name costs what a wrong password costs. */
    private static final PasswordHash UNKNOWN = PasswordHash.create("no such user".toCharArray(),
        PasswordHash.DEFAULT_ITERATIONS);

    private final Map<String, Entry> users;

    private ConsoleUsers(Map<String, Entry> users) {
        this.users = Collections.unmodifiableMap(users);
    }

    /** The users of these lines; an IllegalArgumentException naming the first bad line's number and why. */
    static ConsoleUsers parse(List<String> lines) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                Entry e = parseLine(line);
                if (out.put(e.name, e) != null) {
                    throw new IllegalArgumentException("user " + e.name + " appears twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage()
                    + " (expected name = role:" + SCHEME + ":iterations:salt:hash)");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no users in the file");
        }
        return new ConsoleUsers(out);
    }

    private static Entry parseLine(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("no '='");
        }
        String name = line.substring(0, eq).strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1-64 of A-Z a-z 0-9 _ . @ -");
        }
        String[] parts = line.substring(eq + 1).strip().split(":", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("user " + name + ": 5 fields after '='");
        }
        Role role = Role.of(parts[0].strip());
        if (!SCHEME.equals(parts[1].strip())) {
            throw new IllegalArgumentException("user " + name + ": the scheme must be " + SCHEME);
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[2].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("user " + name + ": iterations must be a number");
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(parts[3].strip());
            hash = Base64.getDecoder().decode(parts[4].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("user " + name + ": salt and hash must be Base64");
        }
        try {
            return new Entry(name, role, new PasswordHash(iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("user " + name + ": " + e.getMessage());
        }
    }

    /**
     * The role of {@code name} when {@code password} is theirs, else empty; an unknown name and a wrong password
     * take the same work and give the same answer.
     */
    public Optional<Role> check(String name, char[] password) {
        Entry e = name == null ? null : users.get(name);
        if (e == null) {
            UNKNOWN.matches(password);
            return Optional.empty();
        }
        return e.hash.matches(password) ? Optional.of(e.role) : Optional.empty();
    }

    public int size() {
        return users.size();
    }

    /** Whether {@code name} is in both with the same role and password hash. */
    boolean sameUser(ConsoleUsers other, String name) {
        Entry a = users.get(name);
        Entry b = other.users.get(name);
        return a != null && b != null && a.role == b.role && a.hash.sameAs(b.hash);
    }

    /** A users-file line for {@code name} with a new salt and {@link PasswordHash#DEFAULT_ITERATIONS}. */
    public static String line(String name, Role role, char[] password) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1-64 of A-Z a-z 0-9 _ . @ -, not " + name);
        }
        PasswordHash h = PasswordHash.create(password, PasswordHash.DEFAULT_ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder();
        return name + " = " + role.text() + ":" + SCHEME + ":" + h.iterations() + ":" + b64.encodeToString(h.salt())
            + ":" + b64.encodeToString(h.hash());
    }

    /** {@code hash <name> <admin|viewer>}: reads the password as the first line of stdin, prints the line. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !"hash".equals(args[0])) {
            System.err.println("usage: ConsoleUsers hash <name> <admin|viewer>   (the password is read from stdin)");
            System.exit(1);
            return;
        }
        try {
            Role role = Role.of(args[2]);
            String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("no password on stdin");
            }
            System.out.println(line(args[1], role, password.toCharArray()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static final class Entry {
        final String name;
        final Role role;
        final PasswordHash hash;

        Entry(String name, Role role, PasswordHash hash) {
            this.name = name;
            this.role = role;
            this.hash = hash;
        }
    }
}
