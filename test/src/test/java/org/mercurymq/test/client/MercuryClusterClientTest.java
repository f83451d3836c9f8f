package org.mercurymq.test.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.test.harness.MercuryCluster;

/** The client scenarios against Mercury's own NameServer + Broker. */
class MercuryClusterClientTest extends ClientScenarioSuite {
    @Override
    protected TestCluster startCluster(Path dir) {
        MercuryCluster mercury = MercuryCluster.start(dir, BROKER_CONFIG);
        return new TestCluster() {
            @Override
            public String namesrvAddress() {
                return mercury.namesrvAddress();
            }

            @Override
            public String brokerName() {
                return mercury.brokerName();
            }

            @Override
            public void close() {
                mercury.close();
            }
        };
    }

    @Test
    void officialClientTracesAgainstMercuryAreReadByMercurysDecoder() throws Exception {
        officialTracesAreReadByMercurysDecoder();
    }

    @Test
    void litePullAndTransactionTracesOfMercurysClient() throws Exception {
        litePullAndTransactionTracesAreReadByTheOfficialDecoder();
    }

    /** storeReplyMessageEnable (default true): a reply nobody can receive fails the send but is kept. */
    @Test
    void replyForADisconnectedRequesterFailsTheSendButIsStored() throws Exception {
        String topic = ClientFixture.unique("OrphanReplyT");
        DefaultMQProducer replier = clients.producer(ClientFixture.unique("rpg"));
        replier.setRetryTimesWhenSendFailed(0);
        clients.createTopic(replier, topic, 1);
        Message reply = new Message(topic, ClientFixture.utf8("late answer"));
        MessageAccessor.putProperty(reply, MessageConst.PROPERTY_MESSAGE_TYPE, "reply");
        MessageAccessor.putProperty(reply, MessageConst.PROPERTY_CORRELATION_ID, "corr-1");
        MessageAccessor.putProperty(reply, MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT, "10.0.0.1@gone");
        MessageQueue mq = new MessageQueue(topic, cluster.brokerName(), 0);

        MQBrokerException e = assertThrows(MQBrokerException.class, () -> replier.send(reply, mq));
        assertEquals(ResponseCode.SYSTEM_ERROR.code(), e.getResponseCode());
        assertTrue(e.getErrorMessage().contains("10.0.0.1@gone") && e.getErrorMessage().contains("not connected"),
            e.getErrorMessage());
        await().atMost(WAIT).until(() -> replier.maxOffset(mq) == 1);
    }
}
