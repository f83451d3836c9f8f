package org.mercurymq.test.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.MessageListenerConcurrently;
import org.mercurymq.client.exception.RequestTimeoutException;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.RequestCallback;
import org.mercurymq.client.utils.MessageUtil;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.test.harness.ApacheCluster;

/**
 * The client scenarios against the reference: Apache RocketMQ 4.9.7 NameServer + Broker; plus
 * request/reply, which needs the broker to push replies (PUSH_REPLY_MESSAGE_TO_CLIENT).
 */
class ApacheClusterClientTest extends ClientScenarioSuite {
    @Override
    protected TestCluster startCluster(Path dir) {
        ApacheCluster apache = ApacheCluster.start(dir);
        return new TestCluster() {
            @Override
            public String namesrvAddress() {
                return apache.namesrvAddress();
            }

            @Override
            public String brokerName() {
                return apache.brokerName();
            }

            @Override
            public void close() {
                apache.close();
            }
        };
    }

    @Test
    void requestIsAnsweredThroughTheReplyTopic() throws Exception {
        String topic = ClientFixture.unique("RequestT");
        DefaultMQProducer requester = clients.producer(ClientFixture.unique("pg"));
        DefaultMQProducer replier = clients.producer(ClientFixture.unique("rpg"));
        clients.createTopic(requester, topic, 2);
        DefaultMQPushConsumer responder = clients.pushConsumer(ClientFixture.unique("cg"));
        responder.subscribe(topic, "*");
        responder.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            for (MessageExt m : msgs) {
                try {
                    String q = new String(m.getBody(), StandardCharsets.UTF_8);
                    replier.send(MessageUtil.createReplyMessage(m, ClientFixture.utf8("answer to " + q)));
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        responder.start();

        Message reply = requester.request(new Message(topic, ClientFixture.utf8("q1")), 10_000);
        assertEquals("answer to q1", new String(reply.getBody(), StandardCharsets.UTF_8));
        assertEquals("reply", reply.getProperty(MessageConst.PROPERTY_MESSAGE_TYPE));

        AtomicReference<Object> async = new AtomicReference<>();
        requester.request(new Message(topic, ClientFixture.utf8("q2")), new RequestCallback() {
            @Override
            public void onSuccess(Message message) {
                async.set(new String(message.getBody(), StandardCharsets.UTF_8));
            }

            @Override
            public void onException(Throwable e) {
                async.set(e);
            }
        }, 10_000);
        await().atMost(WAIT).until(() -> async.get() != null);
        assertEquals("answer to q2", async.get());
    }

    @Test
    void requestWithoutResponderTimesOut() throws Exception {
        String topic = ClientFixture.unique("NoReplyT");
        DefaultMQProducer requester = clients.producer(ClientFixture.unique("pg"));
        clients.createTopic(requester, topic, 1);
        RequestTimeoutException e = assertThrows(RequestTimeoutException.class,
            () -> requester.request(new Message(topic, ClientFixture.utf8("anyone?")), 1500));
        assertTrue(e.getMessage().contains("wait reply message timeout"), e.getMessage());
    }
}
