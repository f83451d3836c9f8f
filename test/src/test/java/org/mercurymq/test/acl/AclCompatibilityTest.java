package org.mercurymq.test.acl;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mercurymq.test.harness.ApacheCluster;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * The same plain_acl.yml on a Mercury broker and an Apache RocketMQ 4.9.7 broker, both with
 * aclEnable=true, driven by the official 4.9.7 client with AclClientRPCHook: every case must give the
 * same outcome (response code and message) on both, a refused send must store nothing, and editing the
 * file under the running broker must change the outcome without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AclCompatibilityTest {
    enum Kind { MERCURY, APACHE }

    static final String TOPIC = "aclTopic";
    static final String DENY_TOPIC = "aclDenyTopic";
    static final String GROUP = "aclGroup";
    static final String ACL_YML = String.join("\n",
        "globalWhiteRemoteAddresses:",
        "  - 10.254.254.*",
        "accounts:",
        "  - accessKey: adminAccount",
        "    secretKey: adminSecret1",
        "    admin: true",
        "  - accessKey: appAccount",
        "    secretKey: appSecret1",
        "    admin: false",
        "    defaultTopicPerm: DENY",
        "    defaultGroupPerm: SUB",
        "    topicPerms:",
        "      - aclTopic=PUB|SUB",
        "      - aclDenyTopic=DENY",
        "  - accessKey: subAccount",
        "    secretKey: subSecret1",
        "    defaultTopicPerm: SUB",
        "    defaultGroupPerm: SUB",
        "");
    static final AtomicInteger SEQ = new AtomicInteger();

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    /** Static: one directory for the clusters that live across all methods of the class. */
    @TempDir
    static Path dir;

    private final Map<Kind, Target> targets = new EnumMap<>(Kind.class);
    private final Deque<Runnable> shutdowns = new ArrayDeque<>();

    /** One running cluster with its ACL file and an admin client signed as the admin account. */
    static final class Target {
        final AutoCloseable cluster;
        final String namesrv;
        final String brokerAddr;
        final String brokerName;
        final Path aclFile;
        DefaultMQAdminExt admin;

        Target(AutoCloseable cluster, String namesrv, String brokerAddr, String brokerName, Path aclFile) {
            this.cluster = cluster;
            this.namesrv = namesrv;
            this.brokerAddr = brokerAddr;
            this.brokerName = brokerName;
            this.aclFile = aclFile;
        }
    }

    private Target target(Kind kind) throws Exception {
        Target t = targets.get(kind);
        if (t != null) {
            return t;
        }
        Path base = dir.resolve(kind.name().toLowerCase());
        if (kind == Kind.APACHE) {
            Path file = base.resolve("rocketmq-home/conf/plain_acl.yml");
            write(file, ACL_YML);
            ApacheCluster c = ApacheCluster.start(base, "aclEnable=true");
            t = new Target(c, c.namesrvAddress(), c.brokerAddress(), c.brokerName(), file);
        } else {
            Path home = base.resolve("mercury-home");
            Path file = home.resolve("conf/plain_acl.yml");
            write(file, ACL_YML);
            MercuryCluster c = MercuryCluster.start(base, Map.of("rocketmq.home.dir", home.toString()), "aclEnable=true");
            t = new Target(c, c.namesrvAddress(), c.brokerAddress(), c.brokerName(), file);
        }
        targets.put(kind, t);
        t.admin = admin(t, "adminAccount", "adminSecret1");
        for (String topic : List.of(TOPIC, DENY_TOPIC)) {
            t.admin.createAndUpdateTopicConfig(t.brokerAddr, new TopicConfig(topic, 2, 2, 6));
        }
        DefaultMQAdminExt admin = t.admin;
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
            .until(() -> admin.examineTopicRouteInfo(TOPIC) != null && admin.examineTopicRouteInfo(DENY_TOPIC) != null);
        return t;
    }

    @AfterAll
    void stopAll() {
        while (!shutdowns.isEmpty()) {
            shutdowns.pop().run();
        }
        for (Target t : targets.values()) {
            try {
                t.cluster.close();
            } catch (Exception e) {
                System.err.println("close failed: " + e);
            }
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void rightCredentialsSendAndConsume(Kind kind) throws Exception {
        Target t = target(kind);
        DefaultMQProducer p = producer(t, hook("appAccount", "appSecret1"));
        String body = "acl-" + kind + "-" + SEQ.incrementAndGet();
        SendResult r = p.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SendStatus.SEND_OK, r.getSendStatus());

        DefaultLitePullConsumer c = new DefaultLitePullConsumer(GROUP + "-" + kind, hook("appAccount", "appSecret1"));
        c.setNamesrvAddr(t.namesrv);
        c.setInstanceName("acl-consumer-" + SEQ.incrementAndGet());
        c.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(TOPIC, "*");
        c.start();
        shutdowns.push(c::shutdown);
        List<String> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (MessageExt m : c.poll(500)) {
                seen.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            return seen.contains(body);
        });
    }

    /** Mercury's own client with Mercury's AclClientRPCHook, the RocketMQ-named API. */
    @Order(1)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void mercuryClientSignsLikeRocketMq(Kind kind) throws Exception {
        Target t = target(kind);
        org.mercurymq.client.producer.DefaultMQProducer ok = mercuryProducer(t, "appAccount", "appSecret1");
        assertEquals(org.mercurymq.client.producer.SendStatus.SEND_OK,
            ok.send(new org.mercurymq.common.message.Message(TOPIC, "m".getBytes(StandardCharsets.UTF_8))).getSendStatus());
        org.mercurymq.client.producer.DefaultMQProducer bad = mercuryProducer(t, "appAccount", "wrongSecret9");
        org.mercurymq.client.exception.MQBrokerException e = null;
        try {
            bad.send(new org.mercurymq.common.message.Message(TOPIC, "m".getBytes(StandardCharsets.UTF_8)));
            fail("a wrong secret must be refused");
        } catch (Exception thrown) {
            for (Throwable c = thrown; c != null && e == null; c = c.getCause()) {
                if (c instanceof org.mercurymq.client.exception.MQBrokerException) {
                    e = (org.mercurymq.client.exception.MQBrokerException) c;
                }
            }
        }
        assertTrue(e != null, "refused with an MQBrokerException");
        assertEquals(1, e.getResponseCode());
        assertTrue(e.getErrorMessage().contains("Check signature failed for accessKey=appAccount"), e.getErrorMessage());
    }

    private org.mercurymq.client.producer.DefaultMQProducer mercuryProducer(Target t, String ak, String sk) throws Exception {
        org.mercurymq.client.producer.DefaultMQProducer p = new org.mercurymq.client.producer.DefaultMQProducer(
            "aclMercuryProducer" + SEQ.incrementAndGet(),
            new org.mercurymq.acl.common.AclClientRPCHook(new org.mercurymq.acl.common.SessionCredentials(ak, sk)));
        p.setNamesrvAddr(t.namesrv);
        p.setInstanceName("acl-mproducer-" + SEQ.incrementAndGet());
        p.setRetryTimesWhenSendFailed(0);
        p.setSendMsgTimeout(10_000);
        p.start();
        shutdowns.push(p::shutdown);
        return p;
    }

    static Stream<Arguments> refusals() {
        List<Arguments> cases = new ArrayList<>();
        for (Kind k : Kind.values()) {
            cases.add(Arguments.of(k, "wrong secret", "appAccount", "wrongSecret9", TOPIC,
                "Check signature failed for accessKey=appAccount"));
            cases.add(Arguments.of(k, "unknown access key", "nobodyAccount", "whatever99", TOPIC,
                "No acl config for nobodyAccount"));
            cases.add(Arguments.of(k, "missing signature", "appAccount", null, TOPIC,
                "Check signature failed for accessKey=appAccount"));
            cases.add(Arguments.of(k, "DENY topic", "appAccount", "appSecret1", DENY_TOPIC,
                "No default permission for topic:aclDenyTopic"));
            cases.add(Arguments.of(k, "SUB-only account sends", "subAccount", "subSecret1", TOPIC,
                "No default permission for topic:aclTopic"));
        }
        return cases.stream();
    }

    @Order(2)
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refusals")
    void refusedSendStoresNothing(Kind kind, String what, String ak, String sk, String topic, String message) throws Exception {
        Target t = target(kind);
        long before = maxOffsets(t, topic);
        DefaultMQProducer p = producer(t, sk == null ? unsignedWithKey(ak) : hook(ak, sk));
        MQBrokerException e = brokerException(() -> p.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, e.getResponseCode(), what);
        assertTrue(e.getErrorMessage().startsWith("org.apache.rocketmq.acl.common.AclException: " + message),
            what + ": " + e.getErrorMessage());
        assertEquals(before, maxOffsets(t, topic), what + ": nothing stored");
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void nonAdminCannotUpdateTopic(Kind kind) throws Exception {
        Target t = target(kind);
        DefaultMQAdminExt app = admin(t, "appAccount", "appSecret1");
        String topic = "aclNewTopic" + SEQ.incrementAndGet();
        MQBrokerException e = brokerException(() -> app.createAndUpdateTopicConfig(t.brokerAddr, new TopicConfig(topic, 1, 1, 6)));
        assertEquals(1, e.getResponseCode());
        assertTrue(e.getErrorMessage().startsWith("org.apache.rocketmq.acl.common.AclException: "
            + "Need admin permission for request code=17, but accessKey=appAccount is not"), e.getErrorMessage());
        assertFalse(t.admin.getAllTopicConfig(t.brokerAddr, 10_000).getTopicConfigTable().containsKey(topic));
    }

    /** Admin codes 50, 51, 52, 54 through the official admin API: the account works at once, then is gone. */
    @Order(4)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void adminCodesEditTheFileAndApplyAtOnce(Kind kind) throws Exception {
        Target t = target(kind);
        long before = t.admin.examineBrokerClusterAclVersionInfo(t.brokerAddr).getAllAclConfigDataVersion()
            .get(t.aclFile.toString()).getCounter().get();
        org.apache.rocketmq.common.PlainAccessConfig pac = new org.apache.rocketmq.common.PlainAccessConfig();
        pac.setAccessKey("newAccount1");
        pac.setSecretKey("newSecret1");
        pac.setDefaultTopicPerm("DENY");
        pac.setDefaultGroupPerm("SUB");
        pac.setTopicPerms(List.of(TOPIC + "=PUB"));
        t.admin.createAndUpdatePlainAccessConfig(t.brokerAddr, pac);
        assertEquals(SendStatus.SEND_OK, producer(t, hook("newAccount1", "newSecret1"))
            .send(new Message(TOPIC, "n".getBytes(StandardCharsets.UTF_8))).getSendStatus());
        assertTrue(t.admin.examineBrokerClusterAclConfig(t.brokerAddr).getPlainAccessConfigs().stream()
            .anyMatch(c -> c.getAccessKey().equals("newAccount1") && c.getTopicPerms().contains(TOPIC + "=PUB")));
        assertEquals(before + 1, t.admin.examineBrokerClusterAclVersionInfo(t.brokerAddr).getAllAclConfigDataVersion()
            .get(t.aclFile.toString()).getCounter().get());
        assertTrue(Files.readString(t.aclFile).contains("newAccount1"));

        t.admin.deletePlainAccessConfig(t.brokerAddr, "newAccount1");
        DefaultMQProducer gone = producer(t, hook("newAccount1", "newSecret1"));
        MQBrokerException e = brokerException(() -> gone.send(new Message(TOPIC, "n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getErrorMessage().startsWith("org.apache.rocketmq.acl.common.AclException: No acl config for newAccount1"),
            e.getErrorMessage());
        MQBrokerException unknown = brokerException(() -> t.admin.deletePlainAccessConfig(t.brokerAddr, "newAccount1"));
        assertEquals(210, unknown.getResponseCode());
    }

    /** Mercury's mqadmin signs with conf/tools.yml as RocketMQ's tools do; without it the broker refuses it. */
    @Order(4)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void mercuryMqadminSignsWithToolsYml(Kind kind) throws Exception {
        Target t = target(kind);
        Path toolsHome = dir.resolve("tools-home-" + kind);
        String topic = "aclToolTopic" + SEQ.incrementAndGet();
        String[] args = {"updateTopic", "-n", t.namesrv, "-b", t.brokerAddr, "-t", topic};
        String previous = System.getProperty("rocketmq.home.dir");
        System.setProperty("rocketmq.home.dir", toolsHome.toString());
        try {
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int unsigned = org.mercurymq.tools.command.MQAdminStartup.run(args,
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
            assertEquals(1, unsigned);
            assertTrue(err.toString().contains("No accessKey is configured"), err.toString());

            write(toolsHome.resolve("conf/tools.yml"), "accessKey: adminAccount\nsecretKey: adminSecret1\n");
            err.reset();
            int signed = org.mercurymq.tools.command.MQAdminStartup.run(args,
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
            assertEquals(0, signed, err.toString());
            assertTrue(t.admin.getAllTopicConfig(t.brokerAddr, 10_000).getTopicConfigTable().containsKey(topic));
        } finally {
            if (previous == null) {
                System.clearProperty("rocketmq.home.dir");
            } else {
                System.setProperty("rocketmq.home.dir", previous);
            }
        }
    }

    /** The white list applies within seconds of editing the file, without a restart. */
    @Order(5)
    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void editedFileWhiteListsUnsignedClientsWithoutRestart(Kind kind) throws Exception {
        Target t = target(kind);
        DefaultMQProducer unsigned = producer(t, null);
        MQBrokerException e = brokerException(() -> unsigned.send(new Message(TOPIC, "x".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getErrorMessage().startsWith("org.apache.rocketmq.acl.common.AclException: No accessKey is configured"),
            e.getErrorMessage());
        write(t.aclFile, ACL_YML.replace("  - 10.254.254.*", "  - 10.254.254.*\n  - 127.0.0.1"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
            unsigned.send(new Message(TOPIC, "w".getBytes(StandardCharsets.UTF_8))).getSendStatus() == SendStatus.SEND_OK);
    }

    private long maxOffsets(Target t, String topic) throws Exception {
        long sum = 0;
        for (int q = 0; q < 2; q++) {
            sum += t.admin.maxOffset(new MessageQueue(topic, t.brokerName, q));
        }
        return sum;
    }

    private DefaultMQProducer producer(Target t, RPCHook hook) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer("aclProducer" + SEQ.incrementAndGet(), hook);
        p.setNamesrvAddr(t.namesrv);
        p.setInstanceName("acl-producer-" + SEQ.incrementAndGet());
        p.setRetryTimesWhenSendFailed(0);
        p.setSendMsgTimeout(10_000);
        p.start();
        shutdowns.push(p::shutdown);
        return p;
    }

    private DefaultMQAdminExt admin(Target t, String ak, String sk) throws Exception {
        DefaultMQAdminExt a = new DefaultMQAdminExt(hook(ak, sk), 10_000);
        a.setNamesrvAddr(t.namesrv);
        a.setInstanceName("acl-admin-" + SEQ.incrementAndGet());
        a.start();
        shutdowns.push(a::shutdown);
        return a;
    }

    private static RPCHook hook(String ak, String sk) {
        return new AclClientRPCHook(new SessionCredentials(ak, sk));
    }

    /** Sends the access key without any signature. */
    private static RPCHook unsignedWithKey(String ak) {
        return new RPCHook() {
            @Override
            public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
                request.addExtField("AccessKey", ak);
            }

            @Override
            public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
            }
        };
    }

    interface Call {
        void run() throws Exception;
    }

    private static MQBrokerException brokerException(Call call) {
        try {
            call.run();
        } catch (Throwable e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof MQBrokerException) {
                    return (MQBrokerException) c;
                }
            }
            if (e instanceof MQClientException && ((MQClientException) e).getResponseCode() > 0) {
                // the admin API reports broker refusals as MQClientException(code, remark)
                MQClientException m = (MQClientException) e;
                return new MQBrokerException(m.getResponseCode(), m.getErrorMessage());
            }
            fail("expected an MQBrokerException, got " + e);
        }
        fail("expected a refusal, but the call succeeded");
        return null;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
