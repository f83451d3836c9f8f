package org.mercurymq.broker.out;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fetchNamesrvAddrByAddressServer=true} without {@code namesrvAddr} (docs/broker.md): fetches the name-server
 * list ({@code host:port;host:port}) from the address server over HTTP at start and every two minutes, as RocketMQ
 * does, and hands every changed list to {@code onChange}. The URL is RocketMQ's:
 * {@code http://<rocketmq.namesrv.domain>:8080/rocketmq/<rocketmq.namesrv.domain.subgroup>} (domain default
 * {@code jmenv.tbsite.net}, subgroup {@code nsaddr}; a domain with a port is used as it is). Thread-safe.
 */
public final class NamesrvAddressFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(NamesrvAddressFetcher.class);
    public static final String DOMAIN_PROPERTY = "rocketmq.namesrv.domain";
    public static final String SUBGROUP_PROPERTY = "rocketmq.namesrv.domain.subgroup";
    static final long PERIOD_MILLIS = 120_000;

    private final URI uri;
    private final Consumer<String> onChange;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("NamesrvAddressFetcher", true));
    private volatile String last;
    private volatile boolean failing;

    public NamesrvAddressFetcher(URI uri, Consumer<String> onChange) {
        this.uri = uri;
        this.onChange = onChange;
    }

    /** RocketMQ's address-server URL from the system properties. */
    public static URI addressServerUri(String domain, String subgroup) {
        String d = domain == null || domain.isEmpty() ? "jmenv.tbsite.net" : domain;
        String g = subgroup == null || subgroup.isEmpty() ? "nsaddr" : subgroup;
        return URI.create("http://" + d + (d.indexOf(':') > 0 ? "" : ":8080") + "/rocketmq/" + g);
    }

    /** Fetches once now, then every two minutes. */
    public void start() {
        fetchOnce();
        scheduler.scheduleAtFixedRate(this::fetchOnce, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }

    /** One fetch; returns the list received, or null when the server could not be asked or answered nothing. */
    String fetchOnce() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            String body = r.body() == null ? "" : r.body().trim();
            if (r.statusCode() != 200 || body.isEmpty()) {
                fail("HTTP " + r.statusCode() + (body.isEmpty() ? " with an empty body" : ""));
                return null;
            }
            if (failing) {
                LOG.info("name-server address server {} answers again", uri);
                failing = false;
            }
            if (!body.equals(last)) {
                LOG.info("name-server addresses from {}: {} (were {})", uri, body, last);
                last = body;
                onChange.accept(body);
            }
            return body;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            fail(e.toString());
            return null;
        }
    }

    /** One WARN per failure streak, keeping the last list. */
    private void fail(String why) {
        if (!failing) {
            LOG.warn("cannot fetch name-server addresses from {} ({}); keeping {}", uri, why, last);
            failing = true;
        }
    }
}
