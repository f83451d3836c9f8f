package org.mercurymq.test.ha;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
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
 * NameServer, SYNC_MASTER and SLAVE as child JVMs with the official 4.9.7 clients: the slave copies the
 * master's topics and consumer offsets; after kill -9 of the master, consumers started afterwards (so their
 * first route already lacks the master) read every replicated message from the slave, and a group that had
 * committed offsets on the master resumes from them.
 */
class SlaveServesConsumersTest {
    private static final String BROKER = "ha-read-broker";
    private static final String TOPIC = "HaReadTopic";
    private static final String OLD_GROUP = "ha-read-committed";
    private static final int BATCH = 20;

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    private final Deque<Runnable> shutdowns = new ArrayDeque<>();

    @Test
    void afterTheMasterDiesConsumersReadFromTheSlave() throws Exception {
        try (NamesrvProcess namesrv = NamesrvProcess.start(dir.resolve("namesrv"));
             BrokerProcess master = BrokerProcess.start(dir.resolve("master"), namesrv.address(), BROKER,
                 "brokerRole=SYNC_MASTER", "brokerId=0");
             BrokerProcess slave = BrokerProcess.start(dir.resolve("slave"), namesrv.address(), BROKER,
                 "brokerRole=SLAVE", "brokerId=1")) {
            try {
                run(namesrv.address(), master, slave);
            } finally {
                while (!shutdowns.isEmpty()) {
                    shutdowns.pop().run();
                }
            }
        }
    }

    private void run(String namesrvAddr, BrokerProcess master, BrokerProcess slave) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("ha-read-admin");
        admin.start();
        shutdowns.push(admin::shutdown);
        org.apache.rocketmq.common.TopicConfig topic = new org.apache.rocketmq.common.TopicConfig(TOPIC);
        topic.setReadQueueNums(4);
        topic.setWriteQueueNums(4);
        admin.createAndUpdateTopicConfig(master.address(), topic);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.examineBrokerClusterInfo().getBrokerAddrTable()
            .get(BROKER).getBrokerAddrs().size() == 2);

        DefaultMQProducer producer = new DefaultMQProducer("ha-read-pg");
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("ha-read-producer");
        producer.start();
        shutdowns.push(producer::shutdown);
        Set<String> first = new HashSet<>();
        // until the slave has connected, SYNC_MASTER answers SLAVE_NOT_AVAILABLE (the message is stored anyway)
        int[] warmup = {0};
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            String body = "warmup-" + warmup[0]++;
            SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
            first.add(body);
            return r.getSendStatus() == SendStatus.SEND_OK;
        });
        sendBatch(producer, "first-", first);

        // the committed group consumes the first batch on the master; its shutdown commits the offsets
        Set<String> seenOnMaster = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer onMaster = consumer(namesrvAddr, OLD_GROUP, "ha-read-c1", seenOnMaster);
        await().atMost(Duration.ofSeconds(30)).until(() -> seenOnMaster.containsAll(first));
        onMaster.shutdown();

        Set<String> second = new HashSet<>();
        sendBatch(producer, "second-", second);
        long total = first.size();
        NettyRemotingClient client = new NettyRemotingClient(NettyClientConfig.builder().build());
        client.start();
        shutdowns.push(client::shutdown);
        await().atMost(Duration.ofSeconds(25)).until(() -> committedOnSlave(client, slave.address()) == total);
        assertTrue(JSON.parseObject(allTopics(client, slave.address())).getJSONObject("topicConfigTable")
            .containsKey(TOPIC), "the slave copied the topic");

        master.kill9();
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        Set<String> fresh = ConcurrentHashMap.newKeySet();
        Set<String> resumed = ConcurrentHashMap.newKeySet();
        consumer(namesrvAddr, "ha-read-fresh", "ha-read-c2", fresh);
        consumer(namesrvAddr, OLD_GROUP, "ha-read-c3", resumed);
        await().atMost(Duration.ofSeconds(40)).until(() -> fresh.containsAll(all) && resumed.containsAll(second));
        assertEquals(all, fresh, "a new group reads every message from the slave");
        assertEquals(second, resumed, "the committed group resumes at the offsets the slave copied");
    }

    private static void sendBatch(DefaultMQProducer producer, String prefix, Set<String> sent) throws Exception {
        for (int i = 0; i < BATCH; i++) {
            String body = prefix + i;
            SendResult r = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
            assertEquals(SendStatus.SEND_OK, r.getSendStatus(), "send " + body);
            sent.add(body);
        }
    }

    private DefaultMQPushConsumer consumer(String namesrvAddr, String group, String instance, Set<String> seen)
        throws Exception {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
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

    private static long committedOnSlave(NettyRemotingClient client, String slaveAddr) throws Exception {
        RemotingCommand r = client.invokeSync(slaveAddr,
            RemotingCommand.createRequestCommand(RequestCode.GET_ALL_CONSUMER_OFFSET, null), 5000);
        ConsumerOffsetSerializeWrapper w = RemotingSerializable.decode(r.getBody(), ConsumerOffsetSerializeWrapper.class);
        Map<Integer, Long> queues = w.getOffsetTable().get(TOPIC + "@" + OLD_GROUP);
        return queues == null ? -1 : queues.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String allTopics(NettyRemotingClient client, String slaveAddr) throws Exception {
        RemotingCommand r = client.invokeSync(slaveAddr,
            RemotingCommand.createRequestCommand(RequestCode.GET_ALL_TOPIC_CONFIG, null), 5000);
        return new String(r.getBody(), StandardCharsets.UTF_8);
    }
}
