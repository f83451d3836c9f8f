package org.mercurymq.test.acl;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
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
import org.apache.rocketmq.common.TopicConfig;
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
 * A secured 1 master + 1 slave cluster (aclEnable=true on both, no white-listed address at all): the
 * slave's metadata sync is refused while the slave has no inner credentials (the master logs the
 * denial); once innerClientAuthenticationCredentials names an admin account the slave copies the master's
 * topics and consumer offsets, and after kill -9 of the master a client with valid credentials consumes
 * every message from the slave. The inner secret never appears in a log nor in getBrokerConfig.
 */
class SecuredMasterSlaveTest {
    private static final String BROKER = "secured-ms";
    private static final String TOPIC = "SecuredHaTopic";
    private static final String GROUP = "secured-ha-committed";
    private static final String INNER_KEY = "brokerInner";
    private static final String INNER_SECRET = "innerSecret-7f3a9c";
    private static final String INNER_JSON = "{\"accessKey\":\"" + INNER_KEY + "\",\"secretKey\":\"" + INNER_SECRET + "\"}";
    private static final int BATCH = 16;
    private static final String ACL_YML = String.join("\n",
        "accounts:",
        "  - accessKey: " + INNER_KEY,
        "    secretKey: " + INNER_SECRET,
        "    admin: true",
        "  - accessKey: appAccount",
        "    secretKey: appSecret1",
        "    admin: false",
        "    defaultTopicPerm: PUB|SUB",
        "    defaultGroupPerm: SUB",
        "");

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    private final Deque<Runnable> shutdowns = new ArrayDeque<>();

    @Test
    void slaveSyncsWithTheBrokersOwnCredentialsAndServesAfterTheMasterDies() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        Files.write(home.resolve("conf/plain_acl.yml"), ACL_YML.getBytes(StandardCharsets.UTF_8));
        Map<String, String> props = Map.of("rocketmq.home.dir", home.toString());
        try (NamesrvProcess namesrv = NamesrvProcess.start(dir.resolve("namesrv"));
             BrokerProcess master = BrokerProcess.start(dir.resolve("master"), namesrv.address(), BROKER, props,
                 "brokerRole=ASYNC_MASTER", "brokerId=0", "aclEnable=true",
                 "innerClientAuthenticationCredentials=" + INNER_JSON);
             // no inner credentials yet: its sync must be refused; they are set at run time below
             BrokerProcess slave = BrokerProcess.start(dir.resolve("slave"), namesrv.address(), BROKER, props,
                 "brokerRole=SLAVE", "brokerId=1", "aclEnable=true")) {
            try {
                run(namesrv.address(), master, slave);
            } catch (Throwable t) {
                System.out.println("---- master output ----\n" + tail(log(master, "master")));
                System.out.println("---- slave output ----\n" + tail(log(slave, "slave")));
                throw t;
            } finally {
                while (!shutdowns.isEmpty()) {
                    shutdowns.pop().run();
                }
            }
        }
    }

    private void run(String namesrvAddr, BrokerProcess master, BrokerProcess slave) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(hook(INNER_KEY, INNER_SECRET));
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("secured-ha-admin");
        admin.start();
        shutdowns.push(admin::shutdown);
        admin.createAndUpdateTopicConfig(master.address(), new TopicConfig(TOPIC, 2, 2, 6));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> admin.examineBrokerClusterInfo()
            .getBrokerAddrTable().get(BROKER).getBrokerAddrs().size() == 2);

        NettyRemotingClient signed = new NettyRemotingClient(NettyClientConfig.builder().build());
        signed.registerRPCHook(new org.mercurymq.acl.common.AclClientRPCHook(
            new org.mercurymq.acl.common.SessionCredentials(INNER_KEY, INNER_SECRET)));
        signed.start();
        shutdowns.push(signed::shutdown);

        // negative: the unsigned sync is refused by the master's ACL and nothing is copied
        await().atMost(Duration.ofSeconds(40)).until(() -> log(master, "master").contains("No accessKey is configured"));
        assertTrue(log(master, "master").contains("code=" + RequestCode.GET_ALL_TOPIC_CONFIG + " from"),
            "the master logs the refused topic-config sync");
        await().atMost(Duration.ofSeconds(20)).until(() -> log(slave, "slave")
            .contains("slave metadata sync from master " + master.address() + " failed"));
        assertFalse(topicsOn(signed, slave.address()).contains(TOPIC), "nothing copied without credentials");

        DefaultMQProducer producer = new DefaultMQProducer("secured-ha-pg", hook("appAccount", "appSecret1"));
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("secured-ha-producer");
        producer.start();
        shutdowns.push(producer::shutdown);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < BATCH; i++) {
            String body = "secured-" + i;
            SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
            assertEquals(SendStatus.SEND_OK, r.getSendStatus(), "send " + body);
            sent.add(body);
        }
        // a committed group on the master: its shutdown persists the offsets the slave must copy
        Set<String> onMaster = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer c1 = consumer(namesrvAddr, GROUP, "secured-ha-c1", onMaster);
        await().atMost(Duration.ofSeconds(30)).until(() -> onMaster.containsAll(sent));
        // the listener sees a message before the client advances its offset, so a shutdown right after the
        // last body arrives can persist one batch short; wait for the client's periodic commit (every 5 s)
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
            .until(() -> committedOn(signed, master.address()), equalTo((long) BATCH));
        c1.shutdown();

        // positive: give the slave its own credentials (read per request, so no restart is needed)
        Properties inner = new Properties();
        inner.setProperty("innerClientAuthenticationCredentials", INNER_JSON);
        admin.updateBrokerConfig(slave.address(), inner);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> topicsOn(signed, slave.address()).contains(TOPIC));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
            .until(() -> committedOn(signed, slave.address()), equalTo((long) BATCH));
        assertEquals("******", admin.getBrokerConfig(slave.address()).getProperty("innerClientAuthenticationCredentials"),
            "getBrokerConfig masks the inner secret");

        master.kill9();
        Set<String> fresh = ConcurrentHashMap.newKeySet();
        consumer(namesrvAddr, "secured-ha-fresh", "secured-ha-c2", fresh);
        await().atMost(Duration.ofSeconds(40)).until(() -> fresh.containsAll(sent));
        assertEquals(sent, fresh, "a signed consumer reads every message from the slave");
        assertFalse(log(master, "master").contains(INNER_SECRET), "the master never logs the inner secret");
        assertFalse(log(slave, "slave").contains(INNER_SECRET), "the slave never logs the inner secret");
    }

    private DefaultMQPushConsumer consumer(String namesrvAddr, String group, String instance, Set<String> seen)
        throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group, hook("appAccount", "appSecret1"),
            new AllocateMessageQueueAveragely());
        c.setNamesrvAddr(namesrvAddr);
        c.setInstanceName(instance);
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

    /** The broker's stdout plus its log file (the shipped logback config writes to {@code <dir>/logs}). */
    private String log(BrokerProcess broker, String node) throws java.io.IOException {
        Path file = dir.resolve(node).resolve("logs/broker.log");
        return broker.process().output() + (Files.exists(file) ? Files.readString(file) : "");
    }

    private static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }

    private static RPCHook hook(String accessKey, String secretKey) {
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }

    private static Set<String> topicsOn(NettyRemotingClient client, String addr) throws Exception {
        RemotingCommand r = client.invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.GET_ALL_TOPIC_CONFIG, null), 5000);
        assertEquals(0, r.getCode(), "GET_ALL_TOPIC_CONFIG on " + addr + ": " + r.getRemark());
        return JSON.parseObject(new String(r.getBody(), StandardCharsets.UTF_8)).getJSONObject("topicConfigTable")
            .keySet();
    }

    private static long committedOn(NettyRemotingClient client, String addr) throws Exception {
        RemotingCommand r = client.invokeSync(addr,
            RemotingCommand.createRequestCommand(RequestCode.GET_ALL_CONSUMER_OFFSET, null), 5000);
        ConsumerOffsetSerializeWrapper w = RemotingSerializable.decode(r.getBody(), ConsumerOffsetSerializeWrapper.class);
        Map<Integer, Long> queues = w.getOffsetTable().get(TOPIC + "@" + GROUP);
        return queues == null ? -1 : queues.values().stream().mapToLong(Long::longValue).sum();
    }
}
