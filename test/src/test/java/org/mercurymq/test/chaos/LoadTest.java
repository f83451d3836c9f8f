package org.mercurymq.test.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.LaunchOptions;

/**
 * Load (docs/reliability.md, "Load"): a steady produce/consume load, then thousands of idle client
 * connections to the broker (raw sockets, one HEART_BEAT each). The broker's RSS and open descriptors (from
 * /proc) and the send latency are recorded before and with the idle connections; every connection is
 * accepted, sends keep succeeding and nothing acknowledged is lost. The daemons run with
 * {@code prlimit --nofile=N}, N the test JVM's hard limit (at most 65536).
 */
@Tag("serial")
class LoadTest {
    private static final String GROUP = "load-a";
    private static final String TOPIC = "ChaosLoad";
    private static final String CONSUMERS = "chaos-load-cc";

    @TempDir
    Path dir;

    @Test
    void smokeThousandIdleConnections() throws Exception {
        run("load-smoke", 1_000, 100);
    }

    /** {@code -Dchaos.load.connections=N} (default 10000). */
    @Test
    @Tag("chaos")
    void tenThousandIdleConnections() throws Exception {
        run("load", Integer.getInteger("chaos.load.connections", 10_000), 500);
    }

    private void run(String runName, int connections, int acksPerPhase) throws Exception {
        // the hard limit of this JVM is as high as prlimit may go without CAP_SYS_RESOURCE
        long hard = LaunchOptions.hardOpenFileLimit();
        int openFileLimit = (int) Math.min(65_536, hard > 0 ? hard : 65_536);
        String reason = "the broker needs " + (connections + 1_000) + " descriptors, the hard limit is " + hard;
        if (openFileLimit < connections + 1_000) {
            System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + reason);
        }
        assumeTrue(openFileLimit >= connections + 1_000, reason);
        History history = new History(Clock.systemUTC());
        long begin = System.currentTimeMillis();
        try (ChaosCluster cluster = ChaosCluster.builder(dir)
            .brokerGroup(GROUP, 0)
            .brokerConfig("flushDiskType=ASYNC_FLUSH")
            .launch(name -> LaunchOptions.local().withMaxOpenFiles(openFileLimit))
            .start();
             IdleConnections idle = new IdleConnections()) {
            String ns = cluster.namesrvAddr();
            BrokerProcess broker = cluster.master(GROUP);
            Topics.create(ns, TOPIC, 4, cluster.masters());
            ConsumerWorkload consumers = ConsumerWorkload.concurrent(ns, CONSUMERS, 1, history, TOPIC);
            ProducerWorkload producers = ProducerWorkload.builder(ns, TOPIC)
                .threads(SendMode.SYNC, 2).threads(SendMode.ASYNC, 1)
                .ratePerThread(50).sendTimeoutMillis(3000)
                .build(history);
            consumers.start();
            producers.start();
            List<String> brokers = cluster.brokerNames();
            int opened;
            ProcessStats before;
            ProcessStats with;
            Windows latencyBefore;
            Windows latencyWith;
            try {
                Progress.awaitAcks(history, brokers, acksPerPhase, Duration.ofSeconds(120));
                long t0 = history.now();
                Progress.awaitAcks(history, brokers, acksPerPhase, Duration.ofSeconds(120));
                long t1 = history.now();
                before = ProcessStats.of(broker.pid());
                latencyBefore = Windows.sendLatencies(history, t0, t1);
                opened = idle.open("127.0.0.1", broker.port(), connections, true);
                long t2 = history.now();
                Progress.awaitAcks(history, brokers, acksPerPhase, Duration.ofSeconds(120));
                long t3 = history.now();
                with = ProcessStats.of(broker.pid());
                latencyWith = Windows.sendLatencies(history, t2, t3);
            } finally {
                producers.shutdown();
            }
            List<String> groups = Arrays.asList(CONSUMERS);
            boolean drained = Drain.awaitDelivered(history, groups, Duration.ofSeconds(60));
            consumers.shutdown();
            ChaosReport report = ChaosReport.builder(runName, connections + " idle connections + steady load", groups)
                .extra("connections", opened)
                .extra("before", before)
                .extra("with", with)
                .extra("latencyBeforeP50/P99/max", latencyBefore.percentile(0.5) + "/" + latencyBefore.percentile(0.99)
                    + "/" + latencyBefore.max() + "ms")
                .extra("latencyWithP50/P99/max", latencyWith.percentile(0.5) + "/" + latencyWith.percentile(0.99)
                    + "/" + latencyWith.max() + "ms")
                .durationSeconds((System.currentTimeMillis() - begin) / 1000)
                .build(history)
                .publish();
            assertEquals(connections, opened);
            assertTrue(broker.isAlive(), "broker alive with " + connections + " idle connections");
            assertEquals(0, idle.countClosedByPeer(), "idle connections the broker closed");
            // a descriptor per accepted connection; a few others (client connections, files) come and go
            assertTrue(with.openFds - before.openFds >= connections - 20, report.line());
            assertTrue(latencyWith.count() > 0, report.line());
            assertEquals(0, report.lost.lost(),
                report.lost + (drained ? "" : " (drain timed out)") + LossForensics.explain(history, report.lost));
        }
    }
}
