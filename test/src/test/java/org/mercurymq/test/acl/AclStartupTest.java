package org.mercurymq.test.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.FreePort;
import org.mercurymq.test.harness.JvmProcess;

/** Security settings Mercury cannot honour stop start-up with a message naming them (docs/security.md). */
class AclStartupTest {
    @TempDir
    Path dir;

    @Test
    void aclEnabledWithoutPlainAclFileRefusesToStartNamingThePath() throws IOException {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        String out = runBroker(home, null, "aclEnable=true");
        assertTrue(out.contains(home.resolve("conf/plain_acl.yml").toString()), out);
    }

    @Test
    void malformedPlainAclFileRefusesToStartNamingTheProblem() throws IOException {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), "accounts:\n  - accessKey: short\n    secretKey: x\n");
        String out = runBroker(home, null, "aclEnable=true");
        assertTrue(out.contains("accessKey=short") && out.contains("plain_acl.yml"), out);
    }

    @Test
    void misspeltTlsSystemPropertyRefusesToStart() throws IOException {
        String out = runBroker(dir.resolve("home"), "tls.server.Mode", "aclEnable=false");
        assertTrue(out.contains("-Dtls.server.Mode is not a TLS setting"), out);
    }

    @Test
    void tlsConfigKeyRefusesToStart() throws IOException {
        String out = runBroker(dir.resolve("home"), null, "tls.enable=true");
        assertTrue(out.contains("config key tls.enable is not read from this file"), out);
    }

    /** Starts a broker that is expected to exit with code 1; returns its output. */
    private String runBroker(Path home, String tlsSysProp, String line) throws IOException {
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, "brokerName=acl-startup\nbrokerClusterName=c\nnamesrvAddr=127.0.0.1:1\n"
            + "listenPort=" + FreePort.nextForBroker() + "\nbindAddress=127.0.0.1\nbrokerIP1=127.0.0.1\n"
            + "storePathRootDir=" + dir.resolve("store") + "\n" + line + "\n");
        JvmProcess.Builder b = JvmProcess.builder("acl-startup", "org.mercurymq.broker.BrokerStartup").dir(dir)
            .heap("-Xmx128m").mercuryLogging("broker").sysProp("rocketmq.home.dir", home.toString());
        if (tlsSysProp != null) {
            b.sysProp(tlsSysProp, "enforcing");
        }
        try (JvmProcess p = b.args("-c", conf.toString()).start()) {
            assertEquals(1, p.waitForExit(Duration.ofSeconds(60)), p.output());
            return p.output();
        }
    }
}
