package org.mercurymq.test.acl;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.JvmProcess;
import org.mercurymq.test.harness.MercuryCluster;
import org.mercurymq.tools.command.MQAdminStartup;

/**
 * Mercury's mqadmin ACL commands against a Mercury broker with aclEnable=true (the file layout of
 * {@link AclCompatibilityTest}): each command's effect on plain_acl.yml and on who may send, and, where the
 * output is deterministic, the official RocketMQ 4.9.7 mqadmin (child JVM, same tools.yml) printing the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MqadminAclCommandsTest {
    private static final String TOPIC = AclCompatibilityTest.TOPIC;
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Static: the cluster lives across all methods of the class. */
    @TempDir
    static Path dir;

    private final Deque<Runnable> shutdowns = new ArrayDeque<>();
    private MercuryCluster cluster;
    private Path aclFile;
    private Path toolsHome;
    private String addr;
    private String clusterName;
    private String previousHome;

    @BeforeAll
    void start() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        Path home = dir.resolve("mercury-home");
        aclFile = home.resolve("conf/plain_acl.yml");
        write(aclFile, AclCompatibilityTest.ACL_YML);
        cluster = MercuryCluster.start(dir.resolve("cluster"), Map.of("rocketmq.home.dir", home.toString()), "aclEnable=true");
        addr = cluster.brokerAddress();
        toolsHome = dir.resolve("tools-home");
        write(toolsHome.resolve("conf/tools.yml"), "accessKey: adminAccount\nsecretKey: adminSecret1\n");
        // the official mqadmin configures logback from here; an empty config keeps its output to the command's own
        write(toolsHome.resolve("conf/logback_tools.xml"), "<configuration/>\n");
        previousHome = System.getProperty("rocketmq.home.dir");
        System.setProperty("rocketmq.home.dir", toolsHome.toString());
        Run created = mercury("updateTopic", "-b", addr, "-t", TOPIC, "-r", "2", "-w", "2");
        assertEquals(0, created.exit, created.toString());
        Run list = mercury("clusterList");
        assertEquals(0, list.exit, list.toString());
        clusterName = list.out.lines().skip(1).findFirst().orElseThrow().trim().split("\\s+")[0];
        await().atMost(Duration.ofSeconds(60)).until(() -> mercury("topicRoute", "-t", TOPIC).exit == 0);
    }

    @AfterAll
    void stop() {
        while (!shutdowns.isEmpty()) {
            shutdowns.pop().run();
        }
        if (previousHome == null) {
            System.clearProperty("rocketmq.home.dir");
        } else {
            System.setProperty("rocketmq.home.dir", previousHome);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** updateAclConfig writes the account into plain_acl.yml and it can send at once; -c reaches the cluster's brokers. */
    @Test
    @Order(1)
    void updateAclConfigCreatesAnAccountThatCanSend() throws Exception {
        Run byBroker = mercury("updateAclConfig", "-b", addr, "-a", "cmdAccount1", "-s", "cmdSecret1", "-t", TOPIC + "=PUB",
            "-i", "DENY", "-m", "false");
        assertEquals(0, byBroker.exit, byBroker.toString());
        assertTrue(byBroker.out.startsWith("create or update plain access config to " + addr + " success." + System.lineSeparator()
            + "org.mercurymq.common.PlainAccessConfig@"), byBroker.out);
        Run byCluster = mercury("updateAclConfig", "-c", clusterName, "-a", "cmdAccount2", "-s", "cmdSecret2", "-i", "PUB");
        assertEquals(0, byCluster.exit, byCluster.toString());
        assertTrue(byCluster.out.startsWith("create or update plain access config to " + addr + " success."), byCluster.out);

        String yml = Files.readString(aclFile);
        assertTrue(yml.contains("cmdAccount1") && yml.contains("cmdAccount2"), yml);
        assertEquals(SendStatus.SEND_OK, producer(hook("cmdAccount1", "cmdSecret1")).send(message()).getSendStatus());
        assertEquals(SendStatus.SEND_OK, producer(hook("cmdAccount2", "cmdSecret2")).send(message()).getSendStatus());
    }

    /** getAclConfig (and its alias) prints the broker's config exactly as the official mqadmin does. */
    @Test
    @Order(2)
    void getAclConfigPrintsTheConfigLikeRocketMq() throws Exception {
        Run mercury = mercury("getAccessConfigSubCommand", "-b", addr);
        assertEquals(0, mercury.exit, mercury.toString());
        assertTrue(mercury.out.contains("globalWhiteRemoteAddresses: [10.254.254.*]"), mercury.out);
        assertTrue(mercury.out.contains("  accessKey         : cmdAccount1"), mercury.out);
        assertTrue(mercury.out.contains("  topicPerms        : [" + TOPIC + "=PUB]"), mercury.out);
        assertEquals(official("getAclConfig", "-b", addr), mercury.out);
        assertEquals(mercury.out, mercury("getAclConfig", "-c", clusterName).out);
    }

    /** clusterAclConfigVersion prints the version table, the same as the official mqadmin for -b and -c. */
    @Test
    @Order(3)
    void clusterAclConfigVersionPrintsTheTable() throws Exception {
        Run byCluster = mercury("clusterAclConfigVersion", "-c", clusterName);
        assertEquals(0, byCluster.exit, byCluster.toString());
        String[] lines = byCluster.out.split(System.lineSeparator());
        assertTrue(lines[0].startsWith("#Cluster Name     #Broker Name"), byCluster.out);
        assertTrue(lines[1].contains(addr) && lines[1].contains(aclFile.toString()), byCluster.out);
        assertEquals("get cluster's plain access config version success.", lines[lines.length - 1]);
        assertEquals(official("clusterAclConfigVersion", "-c", clusterName), byCluster.out);

        Run byBroker = mercury("clusterAclConfigVersion", "-b", addr);
        assertEquals(0, byBroker.exit, byBroker.toString());
        assertTrue(byBroker.out.endsWith("get broker's plain access config version success." + System.lineSeparator()));
        assertEquals(official("clusterAclConfigVersion", "-b", addr), byBroker.out);
    }

    /** deleteAclConfig removes the account from the file and the broker refuses it; the output matches the official one's. */
    @Test
    @Order(4)
    void deleteAclConfigRemovesTheAccount() throws Exception {
        Run deleted = mercury("deleteAclConfig", "-b", addr, "-a", "cmdAccount1");
        assertEquals(0, deleted.exit, deleted.toString());
        assertEquals("delete plain access config account from " + addr + " success." + System.lineSeparator()
            + "account's accesskey is:cmdAccount1", deleted.out);
        assertFalse(Files.readString(aclFile).contains("cmdAccount1"));
        DefaultMQProducer removed = producer(hook("cmdAccount1", "cmdSecret1"));
        assertThrows(Exception.class, () -> removed.send(message()));

        // the official command on the other account prints the same layout
        assertEquals(deleted.out.replace("cmdAccount1", "cmdAccount2"), official("deleteAclConfig", "-b", addr, "-a", "cmdAccount2"));
        assertFalse(Files.readString(aclFile).contains("cmdAccount2"));

        Run unknown = mercury("deleteAccessConfig", "-b", addr, "-a", "noSuchAccount");
        assertEquals(1, unknown.exit, unknown.toString());
        assertTrue(unknown.err.contains("noSuchAccount"), unknown.err);
    }

    /** updateGlobalWhiteAddr puts 127.0.0.1 on the global white list: an unsigned client then gets in. */
    @Test
    @Order(5)
    void updateGlobalWhiteAddrLetsAnUnsignedClientIn() throws Exception {
        DefaultMQProducer unsigned = producer(null);
        assertThrows(Exception.class, () -> unsigned.send(message()));
        Run updated = mercury("updateGlobalWhiteAddr", "-b", addr, "-g", "10.254.254.*,127.0.0.1");
        assertEquals(0, updated.exit, updated.toString());
        assertEquals("update global white remote addresses to " + addr + " success." + System.lineSeparator(), updated.out);
        assertTrue(Files.readString(aclFile).contains("127.0.0.1"));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
            .until(() -> unsigned.send(message()).getSendStatus() == SendStatus.SEND_OK);
        assertEquals(updated.out, official("updateGlobalWhiteAddr", "-b", addr, "-g", "10.254.254.*,127.0.0.1"));
    }

    // ---- helpers ----

    /** Mercury's mqadmin in this JVM against the test's name server, signing with toolsHome/conf/tools.yml. */
    private Run mercury(String... args) {
        args = withNamesrv(args);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = MQAdminStartup.run(args, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The official 4.9.7 mqadmin in a child JVM with the same tools.yml; returns what it printed. */
    private String official(String... args) {
        String[] all = withNamesrv(args);
        try (JvmProcess p = JvmProcess.builder("official-mqadmin-" + SEQ.incrementAndGet(), "org.apache.rocketmq.tools.command.MQAdminStartup")
            .dir(dir.resolve("official"))
            .sysProp("rocketmq.home.dir", toolsHome.toString())
            .sysProp("rocketmq.client.logUseSlf4j", "true")
            .args(all)
            .start()) {
            p.waitForExit(Duration.ofSeconds(60));
            return p.output();
        }
    }

    private String[] withNamesrv(String[] args) {
        String[] all = new String[args.length + 2];
        all[0] = args[0];
        all[1] = "-n";
        all[2] = cluster.namesrvAddress();
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return all;
    }

    private DefaultMQProducer producer(RPCHook hook) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer("aclCmdProducer" + SEQ.incrementAndGet(), hook);
        p.setNamesrvAddr(cluster.namesrvAddress());
        p.setInstanceName("acl-cmd-producer-" + SEQ.incrementAndGet());
        p.setRetryTimesWhenSendFailed(0);
        p.setSendMsgTimeout(10_000);
        p.start();
        shutdowns.push(p::shutdown);
        return p;
    }

    private static Message message() {
        return new Message(TOPIC, "x".getBytes(StandardCharsets.UTF_8));
    }

    private static RPCHook hook(String ak, String sk) {
        return new AclClientRPCHook(new SessionCredentials(ak, sk));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static final class Run {
        final int exit;
        final String out;
        final String err;

        Run(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit=" + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
