package org.mercurymq.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Serves the pages shipped in the jar and uPlot from its WebJar (a fixed list: no path from the request reaches
 * the class loader).
 */
final class StaticFiles implements HttpHandler {
    private static final String BASE = "/org/mercurymq/console/web/";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    private static final Map<String, String> FILES = Map.of(
        "/", BASE + "index.html",
        "/index.html", BASE + "index.html",
        "/app.js", BASE + "app.js",
        "/app.css", BASE + "app.css",
        "/uPlot.iife.min.js", UPLOT + "uPlot.iife.min.js",
        "/uPlot.min.css", UPLOT + "uPlot.min.css");

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String name = FILES.get(ex.getRequestURI().getPath());
        if (name == null) {
            HttpIo.send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] bytes;
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("resource missing from the jar: " + name);
            }
            bytes = in.readAllBytes();
        }
        // the pages load nothing from elsewhere and run no inline script
        ex.getResponseHeaders().set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:");
        HttpIo.send(ex, 200, contentType(name), bytes);
    }

    /** The WebJar's version, from the pom properties it carries (so a version bump is one place: the pom). */
    private static String uplotVersion() {
        Properties p = new Properties();
        try (InputStream in = StaticFiles.class.getResourceAsStream(
            "/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("uPlot's WebJar (org.webjars.npm:uplot) is not on the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "text/html; charset=utf-8";
    }
}
