package org.mercurymq.test.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.console.login.ConsoleUsers;
import org.mercurymq.console.login.Role;
import org.mercurymq.test.harness.JvmProcess;
import org.mercurymq.test.harness.MercuryCluster;
import org.mercurymq.tools.command.MQAdminStartup;

/** The console with {@code -Dconsole.login.enabled=true} against a live NameServer and Broker (docs/console.md, "Login"). */
class ConsoleLoginTest {
    private static final String ADMIN_PASSWORD = "admin pass \u00e9 1";
    private static final String VIEWER_PASSWORD = "viewer-pass-2";
    private static final String GUESSED_PASSWORD = "guessed-pass-3";

    @TempDir
    static Path dir;
    static MercuryCluster cluster;
    static ConsoleProcess console;
    static Path users;
    static String usersText;

    @BeforeAll
    static void start() throws Exception {
        cluster = MercuryCluster.start(dir.resolve("cluster"));
        usersText = String.join("\n", "# written by ConsoleLoginTest",
            ConsoleUsers.line("root", Role.ADMIN, ADMIN_PASSWORD.toCharArray()),
            ConsoleUsers.line("watcher", Role.VIEWER, VIEWER_PASSWORD.toCharArray()),
            ConsoleUsers.line("guessed", Role.VIEWER, GUESSED_PASSWORD.toCharArray()), "");
        users = Files.writeString(dir.resolve("console-users.properties"), usersText, StandardCharsets.UTF_8);
        console = ConsoleProcess.start(dir.resolve("console"), cluster.namesrvAddress(),
            Map.of("console.login.enabled", "true", "console.login.usersFile", users.toString(),
                "console.login.usersFileCheckSeconds", "1"));
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void withoutASessionTheApiAnswers401AndThePagesStillServe() throws Exception {
        for (String path : List.of("api/cluster", "api/topics", "api/me", "api/dashboard")) {
            HttpResponse<String> r = console.get(path);
            assertEquals(401, r.statusCode(), path + ": " + r.body());
            assertEquals("Log in first.", JSON.parseObject(r.body()).getString("error"));
        }
        HttpResponse<String> write = console.postJson("api/topics", Map.of("topic", "NoSession", "cluster", "x"));
        assertEquals(401, write.statusCode(), write.body());
        assertEquals(401, console.get("api/cluster", "MERCURY_CONSOLE_SESSION=forged").statusCode());
        HttpResponse<String> page = console.get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Mercury Console"));
        assertEquals(200, console.get("app.js").statusCode());
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        HttpResponse<String> wrong = console.postJson("api/login", Map.of("user", "root", "password", "nope"));
        HttpResponse<String> unknown = console.postJson("api/login", Map.of("user", "nobody", "password", ADMIN_PASSWORD));
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertEquals(401, unknown.statusCode(), unknown.body());
        assertEquals(wrong.body(), unknown.body());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty(), "no cookie for a failed login");
        HttpResponse<String> malformed = console.post("api/login", "application/json", "{\"user\": 1}");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertEquals(415, console.post("api/login", "text/plain", "user=root").statusCode());
        assertEquals(405, console.get("api/login").statusCode());
        // console.log has the refusals, never a password
        String log = await().atMost(Duration.ofSeconds(30)).until(ConsoleLoginTest::consoleLog,
            l -> l.contains("console login refused for root") && l.contains("console login refused for nobody"));
        assertFalse(log.contains(ADMIN_PASSWORD) || log.contains("nope"), log);
        assertFalse(console.output().contains(ADMIN_PASSWORD), "a password in the console's output");
    }

    @Test
    void fiveWrongPasswordsLockTheUserOutEvenWithTheRightOneAndOthersStillLogIn() throws Exception {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = console.postJson("api/login", Map.of("user", "guessed", "password", "guess-" + i));
            assertEquals(401, r.statusCode(), r.body());
        }
        HttpResponse<String> locked = console.postJson("api/login", Map.of("user", "guessed", "password", GUESSED_PASSWORD));
        assertEquals(429, locked.statusCode(), locked.body());
        assertTrue(JSON.parseObject(locked.body()).getString("error").startsWith("Too many failed logins"), locked.body());
        long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter > 0 && retryAfter <= 30, "Retry-After " + retryAfter);
        assertTrue(locked.headers().firstValue("Set-Cookie").isEmpty(), "no session while locked");
        login("watcher", VIEWER_PASSWORD, "viewer");
        await().atMost(Duration.ofSeconds(30)).until(ConsoleLoginTest::consoleLog,
            l -> l.contains("console logins for user guessed refused for 30 s after 5 failed in a row"));
    }

    @Test
    void aViewerReadsButMayNotWrite() throws Exception {
        String cookie = login("watcher", VIEWER_PASSWORD, "viewer");
        assertEquals("watcher", JSON.parseObject(ok(console.get("api/me", cookie))).getString("user"));
        String clusterName = clusterName(cookie);
        assertTrue(JSON.parseArray(ok(console.get("api/topics", cookie))).size() > 0);
        HttpResponse<String> create = console.postJson("api/topics", Map.of("topic", "ViewerTopic", "cluster", clusterName,
            "readQueueNums", 1, "writeQueueNums", 1, "perm", 6), cookie);
        assertEquals(403, create.statusCode(), create.body());
        assertTrue(JSON.parseObject(create.body()).getString("error").contains("admin"), create.body());
        HttpResponse<String> delete = console.postJson("api/consumer/delete", Map.of("group", "g", "cluster", clusterName), cookie);
        assertEquals(403, delete.statusCode(), delete.body());
        assertFalse(mqadmin("topicList", "-n", cluster.namesrvAddress()).contains("ViewerTopic"));
        // and still reads afterwards
        ok(console.get("api/cluster", cookie));
    }

    @Test
    void anAdminCreatesATopicAndLogoutEndsTheSession() throws Exception {
        String cookie = login("root", ADMIN_PASSWORD, "admin");
        String other = login("root", ADMIN_PASSWORD, "admin");
        assertNotEquals(cookie, other, "a new token per login");
        String topic = "LoginTopic" + System.nanoTime();
        HttpResponse<String> created = console.postJson("api/topics", Map.of("topic", topic, "cluster", clusterName(cookie),
            "readQueueNums", 2, "writeQueueNums", 2, "perm", 6), cookie);
        assertEquals(200, created.statusCode(), created.body());
        await().atMost(Duration.ofSeconds(60)).until(() -> mqadmin("topicList", "-n", cluster.namesrvAddress()).contains(topic));
        await().atMost(Duration.ofSeconds(30)).until(() -> consoleLog().contains("POST /api/topics by root"));

        HttpResponse<String> out = console.postJson("api/logout", Map.of(), cookie);
        assertEquals(200, out.statusCode(), out.body());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"), out.headers().toString());
        assertEquals(401, console.get("api/cluster", cookie).statusCode(), "the logged-out token is gone");
        assertEquals(401, console.get("api/me", cookie).statusCode());
        ok(console.get("api/me", other)); // the other session stays
    }

    @Test
    void aUserAddedToTheFileLogsInWithoutARestartAndRemovingThemEndsTheirSession() throws Exception {
        String latePassword = "late-pass-4";
        Files.writeString(users, usersText + ConsoleUsers.line("late", Role.ADMIN, latePassword.toCharArray()) + "\n",
            StandardCharsets.UTF_8);
        // polled without logging in: a failed login would count towards the lockout
        await().atMost(Duration.ofSeconds(30)).until(() -> console.get("api/me").statusCode() == 401
            && consoleLog().contains("read again: 4 users (was 3); 0 sessions closed"));
        String cookie = login("late", latePassword, "admin");
        assertEquals("late", JSON.parseObject(ok(console.get("api/me", cookie))).getString("user"));

        Files.writeString(users, usersText, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(30)).until(() -> console.get("api/me", cookie).statusCode() == 401);
        await().atMost(Duration.ofSeconds(30)).until(ConsoleLoginTest::consoleLog,
            l -> l.contains("read again: 3 users (was 4); 1 sessions closed"));
        assertEquals(401, console.postJson("api/login", Map.of("user", "late", "password", latePassword)).statusCode());
    }

    @Test
    void startUpFailsWithOneLineNamingTheKeyWhenTheUsersFileIsMissing() {
        Path missing = dir.resolve("no-such-users.properties");
        JvmProcess jvm = JvmProcess.builder("console-nousers", "org.mercurymq.console.ConsoleStartup")
            .dir(dir.resolve("console-nousers")).mercuryLogging("console")
            .sysProp("console.login.enabled", "true").sysProp("console.login.usersFile", missing.toString())
            .args("-n", cluster.namesrvAddress(), "-p", "0").start();
        try {
            assertEquals(1, jvm.waitForExit(Duration.ofSeconds(60)), jvm.output());
            assertTrue(jvm.output().contains("mqconsole: console.login.usersFile: cannot read the users file " + missing),
                jvm.output());
            assertFalse(jvm.output().contains(ConsoleProcess.READY), jvm.output());
        } finally {
            jvm.close();
        }
    }

    /** Logs in and returns the session cookie as {@code name=value}, checking its attributes and the role. */
    private static String login(String user, String password, String role) throws Exception {
        HttpResponse<String> r = console.postJson("api/login", Map.of("user", user, "password", password));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(role, JSON.parseObject(r.body()).getString("role"));
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertTrue(cookie.startsWith("MERCURY_CONSOLE_SESSION=") && cookie.length() > 40, cookie);
        return cookie;
    }

    private static String clusterName(String cookie) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            JSONArray clusters = JSON.parseObject(ok(console.get("api/cluster", cookie))).getJSONArray("clusters");
            return clusters.isEmpty() ? null : clusters.getJSONObject(0).getString("name");
        }, n -> n != null);
    }

    /** The console's log file (conf/logback_console.xml, under the process directory's logs/). */
    private static String consoleLog() throws java.io.IOException {
        Path log = dir.resolve("console").resolve("logs").resolve("console.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static String ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static String mqadmin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            MQAdminStartup.run(args, o, o);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
