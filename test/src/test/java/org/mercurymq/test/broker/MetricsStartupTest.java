package org.mercurymq.test.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.FreePort;
import org.mercurymq.test.harness.JvmProcess;
import org.mercurymq.test.harness.NamesrvProcess;
import org.mercurymq.test.harness.PromScrape;

/**
 * The metrics endpoint is off unless metricsExporterType=PROM, and a port it cannot use stops start-up with
 * one line naming metricsPromExporterPort (docs/metrics.md). Exporter types Mercury lacks are refused by the
 * config table (broker module, MetricsConfigTest).
 */
class MetricsStartupTest {
    @TempDir
    Path dir;

    @Test
    void endpointIsOffByDefault() {
        int port = FreePort.next();
        try (NamesrvProcess ns = NamesrvProcess.start(dir.resolve("ns"), "metricsPromExporterPort=" + port)) {
            assertThrows(UncheckedIOException.class, () -> PromScrape.of("127.0.0.1", port),
                "nothing listens on metricsPromExporterPort without metricsExporterType=PROM");
        }
    }

    @Test
    void outOfRangePortStopsBrokerStartUp() throws IOException {
        String out = runBroker("metricsExporterType=PROM\nmetricsPromExporterPort=70000");
        assertTrue(out.contains("metricsPromExporterPort") && out.contains("65535"), out);
    }

    @Test
    void portInUseStopsBrokerStartUpNamingTheKey() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String out = runBroker("metricsExporterType=PROM\nmetricsPromExporterHost=127.0.0.1\nmetricsPromExporterPort="
                + taken.getLocalPort());
            assertTrue(out.contains("port " + taken.getLocalPort() + " is already in use by another process: change "
                + "metricsPromExporterPort"), out);
        }
    }

    /** Starts a broker that is expected to exit with code 1; returns its output. */
    private String runBroker(String lines) throws IOException {
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, "brokerName=metrics-startup\nbrokerClusterName=c\nnamesrvAddr=127.0.0.1:1\n"
            + "listenPort=" + FreePort.nextForBroker() + "\nbindAddress=127.0.0.1\nbrokerIP1=127.0.0.1\n"
            + "storePathRootDir=" + dir.resolve("store") + "\n" + lines + "\n");
        try (JvmProcess p = JvmProcess.builder("metrics-startup", "org.mercurymq.broker.BrokerStartup").dir(dir)
            .heap("-Xmx128m").mercuryLogging("broker").args("-c", conf.toString()).start()) {
            assertEquals(1, p.waitForExit(Duration.ofSeconds(90)), p.output());
            return p.output();
        }
    }
}
