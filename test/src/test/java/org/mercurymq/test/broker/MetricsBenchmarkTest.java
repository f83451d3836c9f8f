package org.mercurymq.test.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.FreePort;
import org.mercurymq.test.harness.JvmProcess;
import org.mercurymq.test.harness.NamesrvProcess;
import org.mercurymq.test.harness.PromScrape;

/**
 * The measurement behind docs/metrics.md, "Scraped TPS against a benchmark": the official 4.9.7 producer
 * benchmark (test/.../client/bench/OfficialProducerBenchmark, 8 threads, 1 KiB) runs 90 s against a broker
 * with the endpoint on while the test scrapes every 5 s like Prometheus. It prints the benchmark's steady TPS
 * (its 5 s interval figures without the first and the last), the scraped rate of
 * {@code rocketmq_messages_in_total} over the steady part and {@code rocketmq_producer_tps} (last minute),
 * and checks that the scraped counter grew by exactly the messages the benchmark counts as sent. The TPS
 * figures are reported, not asserted (timings). Long: tagged chaos; MetricsEndpointTest is its default-suite
 * smoke (exact counts during sends).
 */
class MetricsBenchmarkTest {
    private static final String HOST = "127.0.0.1";
    private static final int SECONDS = 90;
    private static final Pattern INTERVAL = Pattern.compile("Official send TPS: (\\d+)");
    private static final Pattern SUMMARY = Pattern.compile("\\[SUMMARY] Official send total (\\d+) in ([\\d.]+) s, TPS (\\d+)");

    @TempDir
    Path dir;

    private record Point(long nanos, double count, double minuteTps) {
    }

    @Test
    @Tag("chaos")
    void scrapedPutTpsAgainstTheBenchmarksOwn() throws Exception {
        int metricsPort = FreePort.next();
        String topic = OfficialClients.unique("MetricsBench");
        try (NamesrvProcess ns = NamesrvProcess.start(dir.resolve("ns"));
             BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), ns.address(), "bench-broker",
                 "metricsExporterType=PROM", "metricsPromExporterHost=" + HOST, "metricsPromExporterPort=" + metricsPort)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> PromScrape.of(HOST, metricsPort).has("jvm_threads_current"));
            List<Point> points = new ArrayList<>();
            ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
            scraper.scheduleAtFixedRate(() -> {
                PromScrape s = PromScrape.of(HOST, metricsPort);
                synchronized (points) {
                    points.add(new Point(System.nanoTime(), s.sum("rocketmq_messages_in_total", "topic", topic),
                        s.sum("rocketmq_producer_tps", "topic", topic)));
                }
            }, 0, 5, TimeUnit.SECONDS);
            String out;
            try (JvmProcess bench = JvmProcess.builder("bench", "org.mercurymq.test.client.bench.OfficialProducerBenchmark")
                .dir(dir).heap("-Xmx256m").args(ns.address(), topic, "8", "1024", String.valueOf(SECONDS)).start()) {
                assertEquals(0, bench.waitForExit(Duration.ofSeconds(SECONDS + 120)), bench.output());
                out = bench.output();
            }
            Thread.sleep(6_000); // one more scrape after the last send
            scraper.shutdown();
            scraper.awaitTermination(30, TimeUnit.SECONDS);

            Matcher sm = SUMMARY.matcher(out);
            assertTrue(sm.find(), out);
            long sent = Long.parseLong(sm.group(1));
            List<Double> intervals = new ArrayList<>();
            Matcher im = INTERVAL.matcher(out);
            while (im.find()) {
                intervals.add(Double.valueOf(im.group(1)));
            }
            assertTrue(intervals.size() > 4, out);
            double benchSteady = intervals.subList(1, intervals.size() - 1).stream().mapToDouble(d -> d).average().orElse(0);

            List<Point> growing = new ArrayList<>();
            double last = -1;
            for (Point p : points) {
                if (p.count() > 0 && p.count() != last) {
                    growing.add(p);
                }
                last = p.count();
            }
            assertEquals(sent, (long) points.get(points.size() - 1).count(), "scraped counter vs messages sent");
            // the steady part: from the second growing scrape to the one before the last growing one
            Point from = growing.get(1);
            Point to = growing.get(growing.size() - 2);
            double scrapedRate = (to.count() - from.count()) / ((to.nanos() - from.nanos()) / 1e9);
            double minuteTps = to.minuteTps();
            System.out.printf("METRICS-BENCH sent %d in %s s, benchmark summary TPS %s, benchmark steady TPS %.0f, "
                    + "scraped rate(rocketmq_messages_in_total) %.0f (%+.1f %%), rocketmq_producer_tps %.0f (%+.1f %%), "
                    + "scrapes %d%n", sent, sm.group(2), sm.group(3), benchSteady, scrapedRate,
                (scrapedRate - benchSteady) * 100 / benchSteady, minuteTps, (minuteTps - benchSteady) * 100 / benchSteady,
                points.size());
        }
    }
}
