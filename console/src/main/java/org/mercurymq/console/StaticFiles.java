package org.mercurymq.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Serves the pages shipped in the jar (a fixed list: no path from the request reaches the class loader). */
final class StaticFiles implements HttpHandler {
    private static final String BASE = "/org/mercurymq/console/web/";
    private static final Map<String, String> FILES = Map.of(
        "/", "index.html",
        "/index.html", "index.html",
        "/app.js", "app.js",
        "/app.css", "app.css");

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String name = FILES.get(ex.getRequestURI().getPath());
        if (name == null) {
            HttpIo.send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] bytes;
        try (InputStream in = StaticFiles.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IOException("resource missing from the jar: " + BASE + name);
            }
            bytes = in.readAllBytes();
        }
        // the pages load nothing from elsewhere and run no inline script
        ex.getResponseHeaders().set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:");
        HttpIo.send(ex, 200, contentType(name), bytes);
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
