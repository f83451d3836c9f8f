package org.mercurymq.client.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mercurymq.client.common.ClientErrorCode;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.Message;

/**
 * Bad input is refused with a clear MQClientException before anything is sent. The producer points at
 * a closed local port, so any attempt to reach a name server fails, and the messages say which one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProducerBadInputTest {
    private DefaultMQProducer producer;
    private String deadNamesrv;

    @BeforeAll
    void start() throws Exception {
        deadNamesrv = "127.0.0.1:" + closedPort();
        producer = new DefaultMQProducer("BadInputPG");
        producer.setNamesrvAddr(deadNamesrv);
        producer.setInstanceName("bad-input-test");
        producer.start();
    }

    @AfterAll
    void stop() {
        producer.shutdown();
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private MQClientException refused(Message msg) {
        return assertThrows(MQClientException.class, () -> producer.send(msg));
    }

    @Test
    void illegalTopicCharactersAreNamed() {
        MQClientException e = refused(new Message("bad topic!", new byte[] {1}));
        assertTrue(e.getMessage().contains("bad topic!"), e.getMessage());
        assertTrue(e.getMessage().contains("^[%|a-zA-Z0-9_-]+$"), e.getMessage());
    }

    @Test
    void tooLongTopicIsRefused() {
        char[] name = new char[128];
        Arrays.fill(name, 'x');
        MQClientException e = refused(new Message(new String(name), new byte[] {1}));
        assertTrue(e.getMessage().contains("longer than topic max length 127"), e.getMessage());
    }

    @Test
    void topicOfExactly127CharactersPassesValidation() {
        char[] name = new char[127];
        Arrays.fill(name, 'y');
        MQClientException e = refused(new Message(new String(name), new byte[] {1}));
        assertTrue(e.getMessage().contains("No route info of this topic"), e.getMessage());
    }

    @Test
    void blankTopicIsRefused() {
        assertTrue(refused(new Message(" ", new byte[] {1})).getMessage().contains("blank"));
        assertTrue(refused(new Message(null, new byte[] {1})).getMessage().contains("blank"));
    }

    @Test
    void nullAndEmptyBodiesAreRefusedWithCode13() {
        MQClientException nullBody = refused(new Message("T", null));
        assertEquals(13, nullBody.getResponseCode());
        assertTrue(nullBody.getMessage().contains("the message body is null"));
        MQClientException emptyBody = refused(new Message("T", new byte[0]));
        assertEquals(13, emptyBody.getResponseCode());
        assertTrue(emptyBody.getMessage().contains("length is zero"));
        assertThrows(MQClientException.class, () -> producer.send((Message) null));
    }

    @Test
    void oversizedBodyIsRefusedNamingTheLimit() {
        MQClientException e = refused(new Message("T", new byte[4 * 1024 * 1024 + 1]));
        assertEquals(13, e.getResponseCode());
        assertTrue(e.getMessage().contains("MAX: 4194304"), e.getMessage());
    }

    @Test
    void forbiddenSystemTopicIsRefused() {
        MQClientException e = refused(new Message("SCHEDULE_TOPIC_XXXX", new byte[] {1}));
        assertTrue(e.getMessage().contains("forbidden"), e.getMessage());
    }

    @Test
    void badInputIsAlsoThrownForAsyncAndOnewaySends() {
        SendCallback ignore = new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
            }

            @Override
            public void onException(Throwable e) {
            }
        };
        assertThrows(MQClientException.class, () -> producer.send(new Message("T", new byte[0]), ignore));
        assertThrows(MQClientException.class, () -> producer.sendOneway(new Message("bad topic", new byte[] {1})));
        assertThrows(MQClientException.class, () -> producer.send(new Message("T", new byte[] {1}), (SendCallback) null));
    }

    @Test
    void batchWithMixedTopicsIsRefused() {
        List<Message> batch = Arrays.asList(new Message("A", new byte[] {1}), new Message("B", new byte[] {1}));
        MQClientException e = assertThrows(MQClientException.class, () -> producer.send(batch));
        assertTrue(e.getMessage().contains("same topic"), e.getMessage());
        assertTrue(e.getMessage().contains("A") && e.getMessage().contains("B"), e.getMessage());
    }

    @Test
    void batchWithDelayedMessageIsRefused() {
        Message delayed = new Message("A", new byte[] {1});
        delayed.setDelayTimeLevel(3);
        MQClientException e = assertThrows(MQClientException.class,
            () -> producer.send(Arrays.asList(new Message("A", new byte[] {1}), delayed)));
        assertTrue(e.getMessage().contains("delay"), e.getMessage());
    }

    @Test
    void batchOfRetryTopicMessagesIsRefused() {
        MQClientException e = assertThrows(MQClientException.class,
            () -> producer.send(Arrays.asList(new Message("%RETRY%g", new byte[] {1}))));
        assertTrue(e.getMessage().contains("retry"), e.getMessage());
    }

    @Test
    void emptyAndOversizedBatchesAreRefused() {
        assertThrows(MQClientException.class, () -> producer.send(new ArrayList<Message>()));
        List<Message> big = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            big.add(new Message("A", new byte[1024 * 1024]));
        }
        MQClientException e = assertThrows(MQClientException.class, () -> producer.send(big));
        assertTrue(e.getMessage().contains("over max value"), e.getMessage());
    }

    @Test
    void unreachableNameServerIsNamed() {
        MQClientException e = refused(new Message("SomeTopic", new byte[] {1}));
        assertEquals(ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION, e.getResponseCode());
        assertTrue(e.getMessage().contains("No route info of this topic: SomeTopic"), e.getMessage());
        assertTrue(e.getMessage().contains(deadNamesrv), e.getMessage());
    }

    @Test
    void missingNameServerAddressIsReported() throws Exception {
        DefaultMQProducer p = new DefaultMQProducer("NoNamesrvPG");
        p.setNamesrvAddr(null);
        p.setInstanceName("no-namesrv-test");
        p.start();
        try {
            MQClientException e = assertThrows(MQClientException.class, () -> p.send(new Message("T", new byte[] {1})));
            assertEquals(ClientErrorCode.NO_NAME_SERVER_EXCEPTION, e.getResponseCode());
            assertTrue(e.getMessage().contains("No name server address"), e.getMessage());
        } finally {
            p.shutdown();
        }
    }

    @Test
    void sendingBeforeStartOrWithABadGroupIsRefused() {
        DefaultMQProducer notStarted = new DefaultMQProducer("NotStartedPG");
        MQClientException e = assertThrows(MQClientException.class, () -> notStarted.send(new Message("T", new byte[] {1})));
        assertTrue(e.getMessage().contains("not OK"), e.getMessage());
        DefaultMQProducer badGroup = new DefaultMQProducer("bad group");
        assertThrows(MQClientException.class, badGroup::start);
    }
}
