package org.mercurymq.broker.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.protocol.RequestCode;

/** Which sends run on the network thread that read them (sendMessageOnIoThread, docs/broker.md "Send path"). */
class SendOnIoThreadTest {
    @Test
    void plainSendsRunOnTheIoThreadWhileTheCommitLogLockIsFree() {
        for (int code : new int[] {RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE}) {
            assertTrue(SendMessageProcessor.runsOnIoThread(code, 0, true), "code " + code);
            assertFalse(SendMessageProcessor.runsOnIoThread(code, 1, true), "an append holds the lock: the pool");
            assertFalse(SendMessageProcessor.runsOnIoThread(code, 0, false), "switched off: the pool, as RocketMQ");
        }
    }

    @Test
    void repliesAlwaysGoToThePool() {
        assertFalse(SendMessageProcessor.runsOnIoThread(RequestCode.SEND_REPLY_MESSAGE, 0, true));
        assertFalse(SendMessageProcessor.runsOnIoThread(RequestCode.SEND_REPLY_MESSAGE_V2, 0, true));
    }
}
