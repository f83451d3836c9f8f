package org.mercurymq.test.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.MQHelper;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.MQPullConsumer;
import org.mercurymq.client.consumer.MQPullConsumerScheduleService;
import org.mercurymq.client.consumer.PullResult;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.MessageModel;

/**
 * The scheduled pull consumer ({@link MQPullConsumerScheduleService}) and {@link MQHelper}'s offset reset, as an
 * application uses them, against a real cluster (docs/client.md "API coverage"). Mixed into
 * {@link ClientScenarioSuite}.
 */
interface PullScheduleScenarios {
    Duration PULL_WAIT = Duration.ofSeconds(60);

    TestCluster cluster();

    ClientFixture clients();

    /** The usual callback: pull from the stored offset, keep what was found, store the next offset. */
    static void pullAndCommit(MessageQueue mq, MQPullConsumer consumer, List<MessageExt> sink) throws Exception {
        long offset = Math.max(0, consumer.fetchConsumeOffset(mq, false));
        PullResult result = consumer.pull(mq, "*", offset, 32);
        if (result.getPullStatus() == PullStatus.FOUND) {
            sink.addAll(result.getMsgFoundList());
        }
        consumer.updateConsumeOffset(mq, result.getNextBeginOffset());
    }

    @Test
    default void pullScheduleServiceConsumesEveryQueueOfItsShareAndStoresOffsets() throws Exception {
        String topic = ClientFixture.unique("SchedT");
        String group = ClientFixture.unique("schedcg");
        DefaultMQProducer producer = clients().producer(ClientFixture.unique("pg"));
        clients().createTopic(producer, topic, 3);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            SendResult r = producer.send(new Message(topic, ClientFixture.utf8("sched-" + i)));
            sent.add(r.getMsgId());
        }

        List<MessageExt> received = new CopyOnWriteArrayList<>();
        Set<MessageQueue> called = ConcurrentHashMap.newKeySet();
        MQPullConsumerScheduleService service = new MQPullConsumerScheduleService(group);
        DefaultMQPullConsumer consumer = service.getDefaultMQPullConsumer();
        consumer.setNamesrvAddr(cluster().namesrvAddress());
        consumer.setInstanceName(ClientFixture.unique("sched"));
        consumer.setPollNameServerInterval(1000);
        service.setPullThreadNums(2);
        service.registerPullTaskCallback(topic, (mq, context) -> {
            called.add(mq);
            try {
                pullAndCommit(mq, context.getPullConsumer(), received);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            context.setPullNextDelayTimeMillis(100);
        });
        try {
            service.start();
            await("every message reaches the callbacks").atMost(PULL_WAIT)
                .until(() -> ClientScenarioSuite.ids(received).containsAll(sent));
            assertEquals(producer.fetchPublishMessageQueues(topic).size(), called.size(), "queues called: " + called);
            for (MessageQueue mq : called) {
                long max = producer.maxOffset(mq);
                consumer.getOffsetStore().persist(mq);
                await("offset of " + mq + " stored on the broker").atMost(PULL_WAIT)
                    .until(() -> consumer.fetchConsumeOffset(mq, true) == max);
            }
        } finally {
            service.shutdown();
        }
    }

    @Test
    default void mqHelperResetsTheGroupsOffsetsToATime() throws Exception {
        String topic = ClientFixture.unique("ResetT");
        String group = ClientFixture.unique("resetcg");
        DefaultMQProducer producer = clients().producer(ClientFixture.unique("pg"));
        clients().createTopic(producer, topic, 1);
        MessageQueue mq = new MessageQueue(topic, cluster().brokerName(), 0);
        for (int i = 0; i < 4; i++) {
            producer.send(new Message(topic, ClientFixture.utf8("r" + i)), mq);
        }
        // reads with another group; the group under test is only touched by a short-lived setter and MQHelper
        DefaultMQPullConsumer reader = clients().pullConsumer(ClientFixture.unique("readcg"));
        reader.start();
        await().atMost(PULL_WAIT).until(() -> reader.maxOffset(mq) == 4);
        long thirdStored = reader.pull(mq, "*", 2, 1).getMsgFoundList().get(0).getStoreTimestamp();
        long expected = reader.searchOffset(mq, thirdStored);
        assertTrue(expected <= 2, "offset for the third message's time: " + expected);
        DefaultMQPullConsumer setter = new DefaultMQPullConsumer(group);
        setter.setNamesrvAddr(cluster().namesrvAddress());
        setter.setInstanceName(ClientFixture.unique("setter"));
        setter.start();
        try {
            setter.updateConsumeOffset(mq, 4);
            setter.getOffsetStore().persist(mq);
            await().atMost(PULL_WAIT).until(() -> setter.fetchConsumeOffset(mq, true) == 4);
        } finally {
            setter.shutdown();
        }
        DefaultMQPullConsumer checker = clients().pullConsumer(group);
        checker.start();

        String previous = System.getProperty("rocketmq.namesrv.addr");
        System.setProperty("rocketmq.namesrv.addr", cluster().namesrvAddress());
        try {
            MQHelper.resetOffsetByTimestamp(MessageModel.CLUSTERING, ClientFixture.unique("reset"), group, topic,
                thirdStored);
        } finally {
            if (previous == null) {
                System.clearProperty("rocketmq.namesrv.addr");
            } else {
                System.setProperty("rocketmq.namesrv.addr", previous);
            }
        }
        await("the broker holds the reset offset").atMost(PULL_WAIT)
            .until(() -> checker.fetchConsumeOffset(mq, true) == expected);
    }
}
