package org.mercurymq.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mercurymq.console.login.LoginThrottle;
import org.mercurymq.console.login.Role;
import org.mercurymq.console.login.Sessions;
import org.mercurymq.console.login.UsersFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of the JSON API when login is on ({@code -Dconsole.login.enabled=true}): answers {@code /api/login},
 * {@code /api/logout} and {@code /api/me}, and passes every other call on only with a live session cookie (else
 * 401) and, for a write (any method but GET and HEAD), only for the admin role (else 403). Failed logins are
 * throttled per user name and client address ({@link LoginThrottle}: 429 with Retry-After while locked). The users
 * file is read again when it changes ({@link UsersFile}).
 */
final class LoginGate implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LoginGate.class);
    static final String COOKIE = "MERCURY_CONSOLE_SESSION";
    private static final Pattern LOGGABLE_NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    private final UsersFile users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final HttpHandler api;

    LoginGate(UsersFile users, Sessions sessions, LoginThrottle throttle, HttpHandler api) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.api = api;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        try {
            switch (path) {
                case "/api/login":
                    login(ex, method);
                    return;
                case "/api/logout":
                    logout(ex, method);
                    return;
                case "/api/me":
                    if (!"GET".equals(method) && !"HEAD".equals(method)) {
                        throw new ApiException(405, "GET only");
                    }
                    HttpIo.sendJson(ex, 200, me(session(ex)));
                    return;
                default:
                    Sessions.Session s = session(ex);
                    boolean write = !"GET".equals(method) && !"HEAD".equals(method);
                    if (write && s.role() != Role.ADMIN) {
                        LOG.warn("{} {} refused: {} is a viewer", method, path, s.user());
                        throw new ApiException(403, "Only an admin may change the cluster; " + s.user() + " is a viewer.");
                    }
                    if (write) {
                        // who did it: the router's own line for the action follows
                        LOG.info("{} {} by {}", method, path, s.user());
                    }
                    api.handle(ex);
            }
        } catch (ApiException e) {
            HttpIo.sendJson(ex, e.status(), Map.of("error", e.getMessage()));
        }
    }

    private void login(HttpExchange ex, String method) throws IOException {
        if (!"POST".equals(method)) {
            throw new ApiException(405, "POST only");
        }
        Map<String, Object> body = HttpIo.jsonBody(ex);
        Object user = body.get("user");
        Object password = body.get("password");
        if (!(user instanceof String) || !(password instanceof String)) {
            throw ApiException.badRequest("Expected {\"user\": \"...\", \"password\": \"...\"}.");
        }
        String name = (String) user;
        String address = ex.getRemoteAddress().getAddress().getHostAddress();
        Optional<Duration> locked = throttle.lockedFor(name, address);
        if (locked.isPresent()) {
            // the password is not even checked: a guess during the lockout tells nothing
            long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
            ex.getResponseHeaders().add("Retry-After", Long.toString(seconds));
            throw new ApiException(429, "Too many failed logins for this user or from this address; try again in "
                + seconds + " s.");
        }
        Optional<Role> role = users.users().check(name, ((String) password).toCharArray());
        if (role.isEmpty()) {
            throttle.failed(name, address);
            LOG.warn("console login refused for {}", LOGGABLE_NAME.matcher(name).matches() ? name : "(not a user name)");
            throw new ApiException(401, "Wrong user name or password.");
        }
        throttle.succeeded(name);
        String token = sessions.open(name, role.get());
        LOG.info("console login: {} ({})", name, role.get().text());
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", name);
        out.put("role", role.get().text());
        HttpIo.sendJson(ex, 200, out);
    }

    private void logout(HttpExchange ex, String method) throws IOException {
        if (!"POST".equals(method)) {
            throw new ApiException(405, "POST only");
        }
        sessions.close(token(ex));
        ex.getResponseHeaders().add("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        HttpIo.sendJson(ex, 200, Map.of("loggedOut", true));
    }

    private Sessions.Session session(HttpExchange ex) {
        users.refresh(); // a user removed from the file loses their session here
        return sessions.find(token(ex)).orElseThrow(() -> new ApiException(401, "Log in first."));
    }

    private static Map<String, Object> me(Sessions.Session s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", s.user());
        out.put("role", s.role().text());
        return out;
    }

    /** The session token from the request's cookies, or null. */
    static String token(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.strip();
                if (p.startsWith(COOKIE + "=")) {
                    return p.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }
}
