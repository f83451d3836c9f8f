package org.mercurymq.broker.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The name-server address server: RocketMQ's URL, changed lists handed on once, failures keep the last list. */
class NamesrvAddressFetcherTest {
    @Test
    void theUrlIsRocketMqs() {
        assertEquals(URI.create("http://jmenv.tbsite.net:8080/rocketmq/nsaddr"), NamesrvAddressFetcher.addressServerUri(null, null));
        assertEquals(URI.create("http://ns.example:8080/rocketmq/nsaddr"), NamesrvAddressFetcher.addressServerUri("ns.example", null));
        assertEquals(URI.create("http://127.0.0.1:81/rocketmq/g1"), NamesrvAddressFetcher.addressServerUri("127.0.0.1:81", "g1"));
    }

    @Test
    void aChangedListIsHandedOnOnceAndAFailureKeepsIt() throws Exception {
        AtomicReference<String> served = new AtomicReference<>("127.0.0.1:9876;127.0.0.1:9877\n");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rocketmq/nsaddr", exchange -> {
            String body = served.get();
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 500 : 200, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            List<String> changes = new ArrayList<>();
            NamesrvAddressFetcher fetcher = new NamesrvAddressFetcher(
                NamesrvAddressFetcher.addressServerUri("127.0.0.1:" + server.getAddress().getPort(), null), changes::add);
            assertEquals("127.0.0.1:9876;127.0.0.1:9877", fetcher.fetchOnce());
            fetcher.fetchOnce();
            assertEquals(List.of("127.0.0.1:9876;127.0.0.1:9877"), changes);
            served.set(null);
            assertNull(fetcher.fetchOnce());
            served.set("127.0.0.1:9878");
            fetcher.fetchOnce();
            assertEquals(List.of("127.0.0.1:9876;127.0.0.1:9877", "127.0.0.1:9878"), changes);
            fetcher.shutdown();
        } finally {
            server.stop(0);
        }
    }
}
