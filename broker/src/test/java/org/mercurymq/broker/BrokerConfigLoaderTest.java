package org.mercurymq.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.common.config.ConfigException;
import org.mercurymq.store.MessageStoreConfig;

class BrokerConfigLoaderTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final Properties sys = new Properties();
    private final BrokerConfigLoader loader = new BrokerConfigLoader(env, sys, () -> "myhost", () -> "10.1.2.3");

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("broker.conf");
        Files.write(f, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void defaultsThenFileThenCommandLine() throws Exception {
        Path f = file("brokerName=fromFile", "listenPort=20911", "flushDiskType=SYNC_FLUSH", "mappedFileSizeCommitLog=1048576");
        BrokerConfig c = loader.load(f, Map.of("listenPort", "30911"), w -> { });
        assertEquals("fromFile", c.brokerName());
        assertEquals(30911, c.listenPort());
        assertEquals(30912, c.haListenPort(), "haListenPort follows listenPort");
        assertEquals("DefaultCluster", c.clusterName());
        assertEquals(8, c.get(BrokerConfigKeys.DEFAULT_TOPIC_QUEUE_NUMS));
        assertEquals(1048576, c.storeConfig().mappedFileSizeCommitLog(), "store keys reach the store config");
        assertEquals(org.mercurymq.store.FlushDiskType.SYNC_FLUSH, c.storeConfig().flushDiskType());
    }

    /** RocketMQ's broker rule for its outgoing client (docs/security.md): key, else -Dtls.enable, else enforcing. */
    @Test
    void outgoingClientUsesTlsWhenTheServerEnforcesIt() throws Exception {
        Path absent = dir.resolve("absent.properties");
        BrokerConfig plain = loader.load(null, Map.of(), w -> { });
        assertEquals(false, plain.clientConfig(tls(absent, "tls.server.mode", "permissive")).isUseTLS());
        assertEquals(true, plain.clientConfig(tls(absent, "tls.server.mode", "enforcing")).isUseTLS());
        assertEquals(false, plain.clientConfig(tls(absent, "tls.server.mode", "enforcing", "tls.enable", "false")).isUseTLS());
        assertEquals(true, plain.clientConfig(tls(absent, "tls.enable", "true")).isUseTLS());
        BrokerConfig keyed = loader.load(null, Map.of("useTLS", "false"), w -> { });
        assertEquals(false, keyed.clientConfig(tls(absent, "tls.server.mode", "enforcing")).isUseTLS());
    }

    @Test
    void tlsKeysInTheConfigFileAreRefusedBecauseRocketMqIgnoresThem() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
            () -> loader.load(file("tls.server.mode=enforcing"), Map.of(), w -> { }));
        assertTrue(e.getMessage().contains("-Dtls.server.mode"), e.getMessage());
    }

    private static org.mercurymq.remoting.tls.TlsSettings tls(Path configFile, String... kv) {
        Properties p = new Properties();
        p.setProperty("tls.config.file", configFile.toString());
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return org.mercurymq.remoting.tls.TlsSettings.load(p);
    }

    @Test
    void controllerModeStartsAsAReadOnlyReplicaAndNeedsTheControllerAddress() throws Exception {
        BrokerConfig c = loader.load(file("enableControllerMode=true", "controllerAddr=127.0.0.1:19876",
            "brokerRole=SYNC_MASTER"), Map.of(), w -> { });
        assertEquals(org.mercurymq.store.BrokerRole.SLAVE, c.brokerRole(), "the controller gives the role");
        org.mercurymq.common.config.ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(
            org.mercurymq.common.config.ConfigException.class,
            () -> loader.load(file("enableControllerMode=true"), Map.of(), w -> { }));
        assertTrue(e.getMessage().contains("controllerAddr"), e.getMessage());
        assertEquals(org.mercurymq.store.BrokerRole.ASYNC_MASTER,
            loader.load(null, Map.of("enableControllerMode", "false"), w -> { }).brokerRole());
        List<String> warned = new java.util.ArrayList<>();
        assertEquals(3, loader.load(null, Map.of("brokerElectPriority", "3"), warned::add)
            .get(BrokerConfigKeys.BROKER_ELECTION_PRIORITY), "the short name is an alias");
        assertTrue(warned.toString().contains("brokerElectionPriority"), warned.toString());
    }

    @Test
    void identityDefaultsAreDerived() throws Exception {
        BrokerConfig c = loader.load(null, Map.of(), w -> { });
        assertEquals("myhost", c.brokerName());
        assertEquals("10.1.2.3", c.brokerIP1());
        assertEquals("10.1.2.3", c.brokerIP2());
        assertEquals(0, c.brokerId());
        assertTrue(c.namesrvAddrs().isEmpty());
    }

    @Test
    void namesrvAddrFallsBackToSystemPropertyThenEnvironment() throws Exception {
        env.put("NAMESRV_ADDR", "10.0.0.1:9876");
        assertEquals(List.of("10.0.0.1:9876"), loader.load(null, Map.of(), w -> { }).namesrvAddrs());
        sys.setProperty("rocketmq.namesrv.addr", "10.0.0.2:9876;10.0.0.3:9876");
        assertEquals(List.of("10.0.0.2:9876", "10.0.0.3:9876"), loader.load(null, Map.of(), w -> { }).namesrvAddrs());
        assertEquals(List.of("10.0.0.9:9876"),
            loader.load(null, Map.of("namesrvAddr", "10.0.0.9:9876"), w -> { }).namesrvAddrs());
    }

    @Test
    void unknownKeysWarnWithTheNearestKeyAndInvalidValuesFail() throws Exception {
        List<String> warnings = new ArrayList<>();
        BrokerConfig c = loader.load(file("brokerIp1=1.2.3.4"), Map.of(), warnings::add);
        assertEquals("10.1.2.3", c.brokerIP1(), "the misspelt key is ignored");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("brokerIP1"), warnings.get(0));
        assertThrows(ConfigException.class, () -> loader.load(null, Map.of("listenPort", "abc"), w -> { }));
        assertThrows(ConfigException.class, () -> loader.load(null, Map.of("namesrvAddr", "nohostport"), w -> { }));
        assertThrows(ConfigException.class, () -> loader.load(null, Map.of("brokerRole", "SLAVE"), w -> { }));
        assertEquals(2, loader.load(null, Map.of("brokerRole", "SLAVE", "brokerId", "2"), w -> { }).brokerId());
        assertEquals(0, loader.load(null, Map.of("brokerId", "3"), w -> { }).brokerId(), "a master is always id 0");
    }

    @Test
    void printAllAndImportantConfigAndRejectBadArguments() throws Exception {
        Path f = file("brokerName=printed", "storePathRootDir=" + dir.resolve("store"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BrokerStartup startup = new BrokerStartup(new PrintStream(out, true), new PrintStream(err, true), loader);
        assertEquals(0, startup.run(new String[] {"-c", f.toString(), "-p", "listenPort=12345"}));
        String all = out.toString(StandardCharsets.UTF_8);
        assertTrue(all.contains("brokerName=printed\n"));
        assertTrue(all.contains("listenPort=12345\n"));
        assertTrue(all.contains("mappedFileSizeCommitLog=" + MessageStoreConfig.MAPPED_FILE_SIZE_COMMIT_LOG.defaultValue() + "\n"));
        assertTrue(all.contains("clientWorkerThreads="), "Netty client keys are part of the table");
        out.reset();
        assertEquals(0, startup.run(new String[] {"-c", f.toString(), "-m", "-n", "127.0.0.1:9876"}));
        String important = out.toString(StandardCharsets.UTF_8);
        assertTrue(important.contains("namesrvAddr=127.0.0.1:9876\n"));
        assertTrue(important.lines().count() < all.lines().count());
        assertEquals(1, startup.run(new String[] {"-c", f.toString(), "maxMessageSize=huge"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("maxMessageSize"));
        assertEquals(1, startup.run(new String[] {"notAKeyValue"}));
        assertEquals(1, startup.run(new String[] {"-c", dir.resolve("missing.conf").toString()}));
    }
}
