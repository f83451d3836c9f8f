package org.mercurymq.example.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.producer.LocalTransactionState;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageExt;

class TransactionListenerImplTest {
    @Test
    void everyTransactionIsLeftToTheCheckBackWhichAnswersByTurn() {
        TransactionListenerImpl listener = new TransactionListenerImpl();
        LocalTransactionState[] expected = {LocalTransactionState.UNKNOW, LocalTransactionState.COMMIT_MESSAGE,
            LocalTransactionState.ROLLBACK_MESSAGE, LocalTransactionState.UNKNOW};
        for (int i = 0; i < expected.length; i++) {
            Message msg = new Message("TopicTest1234", ("m" + i).getBytes(StandardCharsets.UTF_8));
            msg.setTransactionId("tx" + i);
            assertEquals(LocalTransactionState.UNKNOW, listener.executeLocalTransaction(msg, null));
        }
        for (int i = 0; i < expected.length; i++) {
            MessageExt asked = new MessageExt();
            asked.setTransactionId("tx" + i);
            assertEquals(expected[i], listener.checkLocalTransaction(asked), "tx" + i);
        }
        MessageExt unknown = new MessageExt();
        unknown.setTransactionId("never-sent");
        assertEquals(LocalTransactionState.COMMIT_MESSAGE, listener.checkLocalTransaction(unknown));
    }
}
