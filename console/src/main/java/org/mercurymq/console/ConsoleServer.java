package org.mercurymq.console;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: {@code /api/} to the router (behind the login gate when login is on), everything else to the static pages. */
final class ConsoleServer {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final int THREADS = 8;

    private final InetSocketAddress bind;
    private final HttpHandler api;
    private final StaticFiles files;
    private HttpServer server;
    private ExecutorService executor;

    ConsoleServer(InetSocketAddress bind, HttpHandler api, StaticFiles files) {
        this.bind = bind;
        this.api = api;
        this.files = files;
    }

    void start() throws IOException {
        server = HttpServer.create(bind, 64);
        server.createContext("/api/", api);
        server.createContext("/", files);
        executor = Executors.newFixedThreadPool(THREADS, namedThreads());
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void shutdown() {
        if (server != null) {
            server.stop(1);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ConsoleHttp-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught in {}", th.getName(), e));
            return t;
        };
    }
}
