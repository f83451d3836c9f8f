package org.mercurymq.test.scripts;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.broker.BrokerConfig;
import org.mercurymq.broker.BrokerConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.FreePort;
import org.mercurymq.test.harness.JvmProcess;

/**
 * The one-host 2 masters + 2 slaves recipe of docs/deployment.md: conf/2m-2s-one-host/*.properties give four brokers
 * ports and store directories that do not collide, and started with bin/mqnamesrv and bin/mqbroker they form the
 * cluster the guide describes — two broker names, each with a master (id 0) and a slave (id 1) that replicates it.
 * The daemons run on free ports and temp stores (command-line keys override the file, as in RocketMQ), so the test
 * can run beside other clusters; everything else comes from the files as written.
 */
class DeploymentRecipeTest {
    private static final String[] BROKERS = {"broker-a", "broker-a-s", "broker-b", "broker-b-s"};

    @TempDir
    Path dir;
    private final List<Process> daemons = new ArrayList<>();

    @AfterEach
    void stopDaemons() {
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void theSampleConfigsGiveEveryBrokerItsOwnPortsAndStore() throws IOException {
        Set<Integer> ports = new HashSet<>();
        Set<String> stores = new HashSet<>();
        for (String b : BROKERS) {
            Properties p = load(b);
            int listen = Integer.parseInt(p.getProperty("listenPort"));
            for (int port : new int[] {listen - 2, listen, listen + 1}) {
                assertTrue(ports.add(port), b + ": port " + port + " collides with another broker's");
            }
            assertTrue(clearOfNameServerPort(listen), b + " collides with the name server's port");
            assertTrue(stores.add(p.getProperty("storePathRootDir")), b + " shares a store directory");
        }
    }

    @Test
    void theSampleConfigsLoadWithoutWarningsAsTwoMastersAndTwoSlaves() throws IOException {
        Map<String, String> roles = new TreeMap<>();
        for (String b : BROKERS) {
            List<String> warnings = new ArrayList<>();
            BrokerConfig c = new BrokerConfigLoader().load(conf(b), Map.of(), warnings::add);
            assertEquals(List.of(), warnings, b);
            roles.put(b, c.brokerName() + "/" + c.brokerId() + "/" + c.brokerRole() + "/" + c.listenPort());
        }
        assertEquals(Map.of("broker-a", "broker-a/0/ASYNC_MASTER/10911", "broker-a-s", "broker-a/1/SLAVE/10921",
            "broker-b", "broker-b/0/ASYNC_MASTER/10931", "broker-b-s", "broker-b/1/SLAVE/10941"), roles);
    }

    /**
     * Five daemons at once: about a minute on a quiet machine, far longer on a loaded one, so it runs with the long
     * multi-process runs ({@code -Pchaos}); the two tests above are its default-suite smoke variant.
     */
    @Test
    @Tag("chaos")
    void twoMastersAndTwoSlavesFormTheClusterAndReplicate() throws Exception {
        long started = System.nanoTime();
        int namesrvPort = FreePort.next();
        Path namesrvConf = Files.writeString(dir.resolve("namesrv.properties"), "listenPort=" + namesrvPort + "\n");
        String namesrv = "127.0.0.1:" + namesrvPort;
        startDaemon("namesrv", "mqnamesrv", "-c", namesrvConf.toString());
        awaitBoot("namesrv");
        Map<String, Integer> portOf = new HashMap<>();
        // masters first, as the guide's loop does in practice: a slave that registers before its master learns the
        // master's HA address only at its next registration, 30 s later
        for (String[] wave : new String[][] {{"broker-a", "broker-b"}, {"broker-a-s", "broker-b-s"}}) {
            for (String b : wave) {
                int port = FreePort.nextForBroker();
                portOf.put(b, port);
                startDaemon(b, "mqbroker", "-c", conf(b).toString(), "-n", namesrv, "listenPort=" + port,
                    "storePathRootDir=" + dir.resolve("store").resolve(b), "brokerIP1=127.0.0.1",
                    // small segments: four stores on a test machine's disk
                    "mappedFileSizeCommitLog=67108864", "mappedFileSizeConsumeQueue=600000");
            }
            for (String b : wave) {
                awaitBoot(b);
            }
        }
        long booted = System.nanoTime();

        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("recipe-admin-" + System.nanoTime());
        admin.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> brokerIds(admin.examineBrokerClusterInfo())
                .equals(Map.of("broker-a", Set.of(0L, 1L), "broker-b", Set.of(0L, 1L))));
            assertEquals(Set.of("broker-a", "broker-b"),
                admin.examineBrokerClusterInfo().getClusterAddrTable().get("DefaultCluster"));

            DefaultMQProducer producer = new DefaultMQProducer("recipe-pg-" + System.nanoTime());
            producer.setNamesrvAddr(namesrv);
            producer.setInstanceName("recipe-producer-" + System.nanoTime());
            producer.start();
            try {
                for (int i = 0; i < 20; i++) {
                    byte[] body = ("recipe " + i).getBytes(StandardCharsets.UTF_8);
                    // a loaded test machine may answer SYSTEM_BUSY (page cache busy): send again until stored
                    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                        producer.send(new Message("RecipeTopic", body)).getSendStatus() == SendStatus.SEND_OK);
                }
            } finally {
                producer.shutdown();
            }
            for (String master : new String[] {"broker-a", "broker-b"}) {
                String masterAddr = "127.0.0.1:" + portOf.get(master);
                String slaveAddr = "127.0.0.1:" + portOf.get(master + "-s");
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    String m = commitLogMax(admin, masterAddr);
                    return Long.parseLong(m) > 0 && m.equals(commitLogMax(admin, slaveAddr));
                });
            }
        } finally {
            admin.shutdown();
        }
        System.out.printf("booted in %d ms, cluster formed and replicated %d ms later%n",
            (booted - started) / 1_000_000, (System.nanoTime() - booted) / 1_000_000);
    }

    private static String commitLogMax(DefaultMQAdminExt admin, String addr) throws Exception {
        return admin.fetchBrokerRuntimeStats(addr).getTable().get("commitLogMaxOffset");
    }

    private static Map<String, Set<Long>> brokerIds(ClusterInfo info) {
        Map<String, Set<Long>> ids = new TreeMap<>();
        for (BrokerData d : info.getBrokerAddrTable().values()) {
            ids.put(d.getBrokerName(), new HashSet<>(d.getBrokerAddrs().keySet()));
        }
        return ids;
    }

    private void startDaemon(String name, String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sh", JvmProcess.repoRoot().resolve("bin").resolve(script).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".out").toFile());
        pb.environment().put("MERCURY_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("MERCURY_LOG_DIR", dir.resolve("logs").resolve(name).toString());
        pb.environment().put("MERCURY_PID_DIR", dir.resolve("run").toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JAVA_OPT", "-Xms64m -Xmx256m");
        daemons.add(pb.start());
    }

    private void awaitBoot(String name) {
        Path out = dir.resolve(name + ".out");
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            if (text.contains("failed to start")) {
                throw new AssertionError(name + " did not start:\n" + text);
            }
            return text.contains("boot success");
        });
    }

    private static Path conf(String broker) {
        return JvmProcess.repoRoot().resolve("conf").resolve("2m-2s-one-host").resolve(broker + ".properties");
    }

    private static Properties load(String broker) throws IOException {
        Properties p = new Properties();
        try (InputStream in = new FileInputStream(conf(broker).toFile())) {
            p.load(in);
        }
        return p;
    }

    private static boolean clearOfNameServerPort(int listenPort) {
        return listenPort - 2 > 9876 || listenPort + 1 < 9876;
    }
}
