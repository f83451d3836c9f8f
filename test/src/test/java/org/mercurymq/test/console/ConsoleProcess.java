package org.mercurymq.test.console;

import com.alibaba.fastjson2.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mercurymq.test.harness.FreePort;
import org.mercurymq.test.harness.JvmProcess;

/** The console in a child JVM started from its main class, plus a small HTTP client for its API. */
final class ConsoleProcess implements AutoCloseable {
    static final String READY = "Mercury console ready at ";

    private final JvmProcess jvm;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ConsoleProcess(JvmProcess jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    static ConsoleProcess start(Path dir, String namesrvAddr) {
        return start(dir, namesrvAddr, Map.of());
    }

    /**
     * As {@link #start(Path, String)} with extra {@code -D} system properties for the console's JVM (they override
     * the test defaults: 1 s sampling, trend history under {@code dir/console-data}).
     */
    static ConsoleProcess start(Path dir, String namesrvAddr, Map<String, String> sysProps) {
        int port = FreePort.next();
        Map<String, String> props = new LinkedHashMap<>();
        // a dashboard sample every second, so a test sees trend points without waiting minutes
        props.put("console.dashboard.periodSeconds", "1");
        // and a lag sample of every group every second, for the groups' charts
        props.put("console.lag.periodSeconds", "1");
        // the trend history in the test's directory, not the user's home
        props.put("console.dataPath", dir.resolve("console-data").toString());
        props.putAll(sysProps);
        JvmProcess.Builder builder = JvmProcess.builder("console", "org.mercurymq.console.ConsoleStartup");
        props.forEach(builder::sysProp);
        JvmProcess jvm = builder
            .dir(dir).mercuryLogging("console")
            .args("-n", namesrvAddr, "-p", String.valueOf(port)).start();
        try {
            jvm.awaitOutput(READY, Duration.ofSeconds(60));
        } catch (RuntimeException | AssertionError e) {
            jvm.close();
            throw e;
        }
        return new ConsoleProcess(jvm, port);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    String output() {
        return jvm.output();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A GET sending {@code cookie} (e.g. the login's session cookie, {@code name=value}) as the Cookie header. */
    HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A JSON POST sending {@code cookie} as the Cookie header. */
    HttpResponse<String> postJson(String path, Object body, String cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.toJSONString(body))).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postJson(String path, Object body) throws IOException, InterruptedException {
        return post(path, "application/json", JSON.toJSONString(body));
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** kill -9 of the console's JVM. */
    void kill9() {
        jvm.kill9();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
