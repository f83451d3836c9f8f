package org.mercurymq.test.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * with the endpoint on; the test scrapes right after each of the benchmark's 5 s interval lines, so both
 * measure the same seconds. It prints the benchmark's TPS over the steady intervals (without the first and
 * the last) against the scraped rate of {@code rocketmq_messages_in_total} between the matching scrapes, and
 * {@code rocketmq_producer_tps} (last minute) against the benchmark's last 12 intervals; and it checks that
 * the scraped counter grew by exactly the messages the benchmark counts as sent. The TPS
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

    private static List<Double> intervalTps(String output) {
        List<Double> out = new ArrayList<>();
        Matcher m = INTERVAL.matcher(output);
        while (m.find()) {
            out.add(Double.valueOf(m.group(1)));
        }
        return out;
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
            // scrape right after each 5 s interval line of the benchmark, so both sides measure the same seconds
            List<Point> points = new ArrayList<>();
            List<Double> intervals = new ArrayList<>();
            String out;
            try (JvmProcess bench = JvmProcess.builder("bench", "org.mercurymq.test.client.bench.OfficialProducerBenchmark")
                .dir(dir).heap("-Xmx256m").args(ns.address(), topic, "8", "1024", String.valueOf(SECONDS)).start()) {
                await().atMost(Duration.ofSeconds(SECONDS + 120)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    List<Double> seen = intervalTps(bench.output());
                    if (seen.size() > intervals.size()) {
                        PromScrape s = PromScrape.of(HOST, metricsPort);
                        points.add(new Point(System.nanoTime(), s.sum("rocketmq_messages_in_total", "topic", topic),
                            s.sum("rocketmq_producer_tps", "topic", topic)));
                        intervals.clear();
                        intervals.addAll(seen);
                    }
                    return !bench.isAlive();
                });
                assertEquals(0, bench.waitForExit(Duration.ofSeconds(60)), bench.output());
                out = bench.output();
            }
            Matcher sm = SUMMARY.matcher(out);
            assertTrue(sm.find(), out);
            long sent = Long.parseLong(sm.group(1));
            await().atMost(Duration.ofSeconds(60)).until(() ->
                PromScrape.of(HOST, metricsPort).sum("rocketmq_messages_in_total", "topic", topic) >= sent);
            assertEquals(sent, (long) PromScrape.of(HOST, metricsPort).sum("rocketmq_messages_in_total", "topic", topic),
                "scraped counter vs messages sent");
            assertTrue(points.size() > 6, "scrapes " + points.size() + ": " + out);
            assertEquals(points.size(), intervals.size(), "one scrape per interval line");
            // steady part: skip the first interval (start-up) and the last one
            int from = 1;
            int to = points.size() - 2;
            double benchTps = intervals.subList(from + 1, to + 1).stream().mapToDouble(d -> d).average().orElse(0);
            double scraped = (points.get(to).count() - points.get(from).count())
                / ((points.get(to).nanos() - points.get(from).nanos()) / 1e9);
            // rocketmq_producer_tps covers about the last minute (samples every 10 s): compare with the 12 intervals before
            double minuteBench = intervals.subList(Math.max(0, to - 11), to + 1).stream().mapToDouble(d -> d).average()
                .orElse(0);
            double minuteTps = points.get(to).minuteTps();
            System.out.printf("METRICS-BENCH sent %d in %s s (summary TPS %s); intervals %d..%d: benchmark TPS %.0f, "
                    + "scraped rate(rocketmq_messages_in_total) %.0f (%+.1f %%); last minute: benchmark %.0f, "
                    + "rocketmq_producer_tps %.0f (%+.1f %%)%n", sent, sm.group(2), sm.group(3), from + 2, to + 1,
                benchTps, scraped, (scraped - benchTps) * 100 / benchTps, minuteBench, minuteTps,
                (minuteTps - minuteBench) * 100 / minuteBench);
        }
    }
}
