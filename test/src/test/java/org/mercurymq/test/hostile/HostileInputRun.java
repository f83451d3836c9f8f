package org.mercurymq.test.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.NamesrvProcess;

/**
 * One hostile-input fault run (docs/reliability.md, "Hostile input"): a NameServer and a Broker in child
 * JVMs, a {@link WellBehavedClient} checking answers throughout, {@link HostileTraffic} against the
 * NameServer port and the Broker's main and VIP ports. Asserts that both children live, the client never
 * failed, the connection killers closed their connections, the incomplete-frame budget closed tricklers,
 * no OutOfMemoryError was logged, and the used heap after a full GC is flat; prints the numbers.
 */
final class HostileInputRun {
    /** Heap growth tolerated between before and after (tables warmed up by the run, JIT, class data). */
    private static final long HEAP_SLACK = 24L * 1024 * 1024;
    private static final String[] SERVER_CONFIG = {"serverIncompleteFrameBytesTotal=8388608"};

    private HostileInputRun() {
    }

    static void run(Path dir, long frames, int threads) throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        try (NamesrvProcess namesrv = NamesrvProcess.start(dir.resolve("namesrv"), SERVER_CONFIG);
             BrokerProcess broker = BrokerProcess.start(dir.resolve("broker"), namesrv.address(), "hostile-broker",
                 SERVER_CONFIG)) {
            WellBehavedClient client = new WellBehavedClient(broker.address(), namesrv.address(), "hostile-broker");
            client.start();
            long namesrvPid = namesrv.process().pid();
            long brokerPid = broker.process().pid();
            long namesrvBefore = ChildHeap.usedAfterGc(namesrvPid);
            long brokerBefore = ChildHeap.usedAfterGc(brokerPid);

            List<InetSocketAddress> ports = List.of(
                new InetSocketAddress("127.0.0.1", port(namesrv.address())),
                new InetSocketAddress("127.0.0.1", port(broker.address())),
                new InetSocketAddress("127.0.0.1", port(broker.address()) - 2));
            HostileTraffic traffic = new HostileTraffic(ports, seed);
            long millis = traffic.run(frames, threads);
            long okAfterRun = client.ok();
            client.stop();

            assertTrue(namesrv.process().isAlive(), "name server died");
            assertTrue(broker.process().isAlive(), "broker died");
            long namesrvAfter = ChildHeap.usedAfterGc(namesrvPid);
            long brokerAfter = ChildHeap.usedAfterGc(brokerPid);
            String logs = logs(dir);
            long npes = count(logs, "NullPointerException");
            long stackLines = logs.lines().filter(l -> l.startsWith("\tat ")).count();
            System.out.printf("hostile run (seed %d): %d frames on %d connections in %d ms = %d frames/s, %d replies; "
                    + "well-behaved calls ok %d (busy, retried: %d); killers left open %d; tricklers closed %d; "
                    + "name server heap %d -> %d KiB, broker heap %d -> %d KiB; logs: %d NullPointerException, "
                    + "%d stack-trace lines%n", seed, traffic.frames(), traffic.connections(), millis,
                traffic.frames() * 1000 / Math.max(1, millis), traffic.answered(), okAfterRun, client.busy(), traffic.killersLeftOpen(),
                traffic.tricklersClosed(), namesrvBefore / 1024, namesrvAfter / 1024, brokerBefore / 1024,
                brokerAfter / 1024, npes, stackLines);
            stackTraces(logs).stream().limit(20).forEach(t -> System.out.println("  child stack trace: " + t));

            assertEquals(List.of(), traffic.errors(), "generator errors (seed " + seed + ")");
            assertEquals(List.of(), client.failures(), "the well-behaved client was not served (seed " + seed + ")");
            assertTrue(traffic.answered() > 0, "the servers answered none of the hostile requests");
            assertTrue(okAfterRun > 1, "the well-behaved client made calls during the run");
            assertEquals(0, traffic.killersLeftOpen(), "connection killers left open (seed " + seed + ")");
            assertTrue(traffic.tricklersClosed() > 0, "the incomplete-frame budget closed no trickler");
            assertEquals(0, count(logs, "OutOfMemoryError"), "OutOfMemoryError in the children's logs");
            assertTrue(namesrvAfter <= namesrvBefore + HEAP_SLACK, "name server heap grew from " + namesrvBefore
                + " to " + namesrvAfter);
            assertTrue(brokerAfter <= brokerBefore + HEAP_SLACK, "broker heap grew from " + brokerBefore + " to "
                + brokerAfter);
        }
    }

    /** Distinct stack traces in the logs: the line before the first "at" line and the first three "at" lines. */
    private static java.util.Set<String> stackTraces(String logs) {
        java.util.Set<String> traces = new java.util.LinkedHashSet<>();
        List<String> lines = logs.lines().collect(java.util.stream.Collectors.toList());
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("\tat ") && !lines.get(i - 1).startsWith("\tat ")) {
                String head = lines.get(i - 1).replaceFirst("^[-0-9: .]+", "");
                StringBuilder t = new StringBuilder(head);
                for (int j = i; j < Math.min(lines.size(), i + 3) && lines.get(j).startsWith("\tat "); j++) {
                    t.append(" | ").append(lines.get(j).trim());
                }
                traces.add(t.toString().replaceAll("opaque=-?\\d+|127\\.0\\.0\\.1:\\d+", ""));
            }
        }
        return traces;
    }

    private static int port(String addr) {
        return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** Everything the children wrote: stdout files and log files under {@code dir}. */
    private static String logs(Path dir) {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> texts = new ArrayList<>();
            files.filter(f -> f.toString().endsWith(".out") || f.toString().endsWith(".log")).forEach(texts::add);
            for (Path f : texts) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }
}
