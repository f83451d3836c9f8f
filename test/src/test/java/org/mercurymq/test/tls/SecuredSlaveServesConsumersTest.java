package org.mercurymq.test.tls;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.body.ConsumerOffsetSerializeWrapper;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.NamesrvProcess;

/**
 * A secured 1 master + 1 slave cluster: name server, SYNC_MASTER and SLAVE all with
 * {@code tls.server.mode=enforcing} (test-mode certificates; the brokers' own calls to the name server and
 * the master use TLS because the mode is enforcing) and both brokers with {@code aclEnable=true}. The
 * official 4.9.7 clients use TLS and sign with AclClientRPCHook. Neither broker white-lists anything: both
 * sign their own requests with {@code innerClientAuthenticationCredentials} (docs/security.md), so the master
 * checks the slave's metadata sync by ACL, and after the master is killed the consumers it serves are checked by ACL (an unsigned request is refused)
 * and read every replicated message, and a committed group resumes at its copied offsets.
 */
class SecuredSlaveServesConsumersTest {
    private static final String BROKER = "secure-ha-broker";
    private static final String TOPIC = "SecureHaTopic";
    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String OLD_GROUP = "secure-ha-committed-" + RUN;
    private static final int BATCH = 10;
    private static final String ACCOUNTS = String.join("\n",
        "accounts:",
        "  - accessKey: adminAccount",
        "    secretKey: adminSecret1",
        "    admin: true",
        "  - accessKey: appAccount",
        "    secretKey: appSecret1",
        "    defaultTopicPerm: DENY",
        "    defaultGroupPerm: SUB",
        "    topicPerms:",
        "      - " + TOPIC + "=PUB|SUB",
        "");
    private static final Map<String, String> TLS = Map.of("tls.server.mode", "enforcing");

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    private final Deque<Runnable> shutdowns = new ArrayDeque<>();

    @Test
    void securedSlaveServesConsumersAfterTheMasterDies() throws Exception {
        // no white list anywhere: the slave signs its metadata sync with the admin account (docs/security.md,
        // "Inter-node traffic")
        Path masterHome = home("master-home", ACCOUNTS);
        Path slaveHome = home("slave-home", ACCOUNTS);
        String inner = "innerClientAuthenticationCredentials={\"accessKey\":\"adminAccount\",\"secretKey\":\"adminSecret1\"}";
        try (NamesrvProcess namesrv = NamesrvProcess.start(dir.resolve("namesrv"), TLS);
             BrokerProcess master = BrokerProcess.start(dir.resolve("master"), namesrv.address(), BROKER,
                 withHome(masterHome), "brokerRole=SYNC_MASTER", "brokerId=0", "aclEnable=true", inner);
             BrokerProcess slave = BrokerProcess.start(dir.resolve("slave"), namesrv.address(), BROKER,
                 withHome(slaveHome), "brokerRole=SLAVE", "brokerId=1", "aclEnable=true", inner)) {
            try {
                run(namesrv.address(), master, slave);
            } finally {
                while (!shutdowns.isEmpty()) {
                    shutdowns.pop().run();
                }
            }
        }
    }

    private Path home(String name, String aclYml) throws Exception {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), aclYml);
        return home;
    }

    private static Map<String, String> withHome(Path home) {
        return Map.of("tls.server.mode", "enforcing", "rocketmq.home.dir", home.toString());
    }

    private static RPCHook hook(String ak, String sk) {
        return new AclClientRPCHook(new SessionCredentials(ak, sk));
    }

    private void run(String namesrvAddr, BrokerProcess master, BrokerProcess slave) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(hook("adminAccount", "adminSecret1"));
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("secure-ha-admin-" + RUN);
        admin.setUseTLS(true);
        admin.start();
        shutdowns.push(admin::shutdown);
        org.apache.rocketmq.common.TopicConfig topic = new org.apache.rocketmq.common.TopicConfig(TOPIC);
        topic.setReadQueueNums(2);
        topic.setWriteQueueNums(2);
        // a JVM's first TLS handshake has taken over 3 s on the loaded test machine: retry
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            admin.createAndUpdateTopicConfig(master.address(), topic);
            return true;
        });
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> admin.examineBrokerClusterInfo()
            .getBrokerAddrTable().get(BROKER).getBrokerAddrs().size() == 2);

        DefaultMQProducer producer = new DefaultMQProducer("secure-ha-pg-" + RUN, hook("appAccount", "appSecret1"));
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("secure-ha-producer-" + RUN);
        producer.setUseTLS(true);
        producer.start();
        shutdowns.push(producer::shutdown);
        Set<String> first = new HashSet<>();
        // until the slave has connected, SYNC_MASTER answers SLAVE_NOT_AVAILABLE (the message is stored anyway)
        int[] warmup = {0};
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            String body = "warmup-" + warmup[0]++;
            SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)), 15_000);
            first.add(body);
            return r.getSendStatus() == SendStatus.SEND_OK;
        });
        sendBatch(producer, "first-", first);

        Set<String> seenOnMaster = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer onMaster = consumer(namesrvAddr, OLD_GROUP, "secure-ha-c1", seenOnMaster);
        await().atMost(Duration.ofSeconds(60)).until(() -> seenOnMaster.containsAll(first));
        onMaster.shutdown();

        Set<String> second = new HashSet<>();
        sendBatch(producer, "second-", second);
        long total = first.size();
        NettyRemotingClient signed = mercuryClient(true);
        await().atMost(Duration.ofSeconds(40)).ignoreExceptions().until(() -> committedOnSlave(signed, slave.address()) == total);

        master.kill9();
        // the slave checks ACL itself: an unsigned request over TLS is refused with RocketMQ's message
        NettyRemotingClient unsigned = mercuryClient(false);
        RemotingCommand refused = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> unsigned.invokeSync(
            slave.address(), RemotingCommand.createRequestCommand(RequestCode.GET_ALL_CONSUMER_OFFSET, null), 10_000), r -> true);
        assertNotEquals(0, refused.getCode());
        assertTrue(String.valueOf(refused.getRemark()).contains("No accessKey is configured"), refused.getRemark());

        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        Set<String> fresh = ConcurrentHashMap.newKeySet();
        Set<String> resumed = ConcurrentHashMap.newKeySet();
        consumer(namesrvAddr, "secure-ha-fresh-" + RUN, "secure-ha-c2", fresh);
        consumer(namesrvAddr, OLD_GROUP, "secure-ha-c3", resumed);
        await().atMost(Duration.ofSeconds(60)).until(() -> fresh.containsAll(all) && resumed.containsAll(second));
        assertEquals(all, fresh, "a new group reads every message from the slave");
        assertEquals(second, resumed, "the committed group resumes at the offsets the slave copied");
    }

    private NettyRemotingClient mercuryClient(boolean signed) {
        NettyRemotingClient client = new NettyRemotingClient(NettyClientConfig.builder().useTLS(true).build());
        if (signed) {
            client.registerRPCHook(new org.mercurymq.acl.common.AclClientRPCHook(
                new org.mercurymq.acl.common.SessionCredentials("adminAccount", "adminSecret1")));
        }
        client.start();
        shutdowns.push(client::shutdown);
        return client;
    }

    private static void sendBatch(DefaultMQProducer producer, String prefix, Set<String> sent) throws Exception {
        for (int i = 0; i < BATCH; i++) {
            String body = prefix + i;
            SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)), 15_000);
            assertEquals(SendStatus.SEND_OK, r.getSendStatus(), "send " + body);
            sent.add(body);
        }
    }

    private DefaultMQPushConsumer consumer(String namesrvAddr, String group, String instance, Set<String> seen)
        throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group, hook("appAccount", "appSecret1"),
            new AllocateMessageQueueAveragely());
        c.setNamesrvAddr(namesrvAddr);
        c.setInstanceName(instance + "-" + RUN);
        c.setUseTLS(true);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.subscribe(TOPIC, "*");
        c.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            msgs.forEach(m -> seen.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        c.start();
        shutdowns.push(c::shutdown);
        return c;
    }

    private static long committedOnSlave(NettyRemotingClient client, String slaveAddr) throws Exception {
        RemotingCommand r = client.invokeSync(slaveAddr,
            RemotingCommand.createRequestCommand(RequestCode.GET_ALL_CONSUMER_OFFSET, null), 10_000);
        ConsumerOffsetSerializeWrapper w = RemotingSerializable.decode(r.getBody(), ConsumerOffsetSerializeWrapper.class);
        Map<Integer, Long> queues = w.getOffsetTable().get(TOPIC + "@" + OLD_GROUP);
        return queues == null ? -1 : queues.values().stream().mapToLong(Long::longValue).sum();
    }
}
