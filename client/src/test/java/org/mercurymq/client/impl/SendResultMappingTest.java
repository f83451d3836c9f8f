package org.mercurymq.client.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.PullStatus;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.impl.consumer.PullResults;
import org.mercurymq.client.impl.producer.SendResults;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageBatch;
import org.mercurymq.common.message.MessageClientIDSetter;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** Reply codes to send results and pull statuses through the one table (docs/protocol/codes.md, client interpretation). */
class SendResultMappingTest {
    private static RemotingCommand sendReply(int code, String remark) {
        RemotingCommand r = RemotingCommand.createResponseCommand(code, remark);
        r.addExtField("msgId", "7F00000100002A9F0000000000000064");
        r.addExtField("queueId", "2");
        r.addExtField("queueOffset", "17");
        r.addExtField("MSG_REGION", "DefaultRegion");
        r.addExtField("TRACE_ON", "false");
        return r;
    }

    private static SendResult send(String brokerName, Message msg, RemotingCommand response, String addr) throws Exception {
        return SendResults.of(brokerName, msg, MQClientAPIImpl.readSendReply(response, addr));
    }

    private static PullStatus pullStatus(int code) throws Exception {
        RemotingCommand r = RemotingCommand.createResponseCommand(code, null);
        r.addExtField("nextBeginOffset", "5");
        r.addExtField("minOffset", "0");
        r.addExtField("maxOffset", "9");
        r.addExtField("suggestWhichBrokerId", "0");
        return PullResults.of(MQClientAPIImpl.readPullReply(r, "a")).getPullStatus();
    }

    @Test
    void storedCodesBecomeSendStatuses() throws Exception {
        int[] codes = {0, 10, 12, 11};
        SendStatus[] statuses = {SendStatus.SEND_OK, SendStatus.FLUSH_DISK_TIMEOUT, SendStatus.FLUSH_SLAVE_TIMEOUT,
            SendStatus.SLAVE_NOT_AVAILABLE};
        for (int i = 0; i < codes.length; i++) {
            Message msg = new Message("T", new byte[] {1});
            MessageClientIDSetter.setUniqID(msg);
            SendResult r = send("broker-a", msg, sendReply(codes[i], null), "127.0.0.1:10911");
            assertEquals(statuses[i], r.getSendStatus());
            assertEquals(new MessageQueue("T", "broker-a", 2), r.getMessageQueue());
            assertEquals(17, r.getQueueOffset());
            assertEquals(MessageClientIDSetter.getUniqID(msg), r.getMsgId());
            assertEquals("7F00000100002A9F0000000000000064", r.getOffsetMsgId());
            assertEquals("DefaultRegion", r.getRegionId());
            assertFalse(r.isTraceOn());
        }
    }

    @Test
    void toStringMatchesRocketMq() throws Exception {
        Message msg = new Message("T", new byte[] {1});
        MessageClientIDSetter.setUniqID(msg);
        SendResult r = send("broker-a", msg, sendReply(0, null), "addr");
        assertEquals("SendResult [sendStatus=SEND_OK, msgId=" + r.getMsgId()
            + ", offsetMsgId=7F00000100002A9F0000000000000064, messageQueue=MessageQueue [topic=T, brokerName=broker-a, queueId=2],"
            + " queueOffset=17]", r.toString());
    }

    @Test
    void batchResultJoinsTheClientIds() throws Exception {
        Message a = new Message("T", new byte[] {1});
        Message b = new Message("T", new byte[] {2});
        MessageClientIDSetter.setUniqID(a);
        MessageClientIDSetter.setUniqID(b);
        MessageBatch batch = MessageBatch.generateFromList(Arrays.asList(a, b));
        SendResult r = send("broker-a", batch, sendReply(0, null), "addr");
        assertEquals(MessageClientIDSetter.getUniqID(a) + "," + MessageClientIDSetter.getUniqID(b), r.getMsgId());
    }

    @Test
    void otherCodesAreBrokerExceptionsWithCodeRemarkAndAddress() {
        for (int code : new int[] {1, 2, 13, 14, 16, 17}) {
            MQBrokerException e = assertThrows(MQBrokerException.class,
                () -> send("b", new Message("T", new byte[] {1}), sendReply(code, "why"), "1.2.3.4:5"));
            assertEquals(code, e.getResponseCode());
            assertEquals("why", e.getErrorMessage());
            assertEquals("1.2.3.4:5", e.getBrokerAddr());
            assertEquals("CODE: " + code + "  DESC: why BROKER: 1.2.3.4:5", e.getMessage());
        }
    }

    @Test
    void retryCodesAreTheRocketMqSet() {
        assertEquals(new java.util.HashSet<>(Arrays.asList(17, 14, 1, 16, 204, 205)), ResponseOutcomes.DEFAULT_SEND_RETRY_CODES);
        assertFalse(ResponseOutcomes.DEFAULT_SEND_RETRY_CODES.contains(2));
        assertFalse(ResponseOutcomes.DEFAULT_SEND_RETRY_CODES.contains(13));
    }

    @Test
    void pullCodesBecomePullStatuses() throws Exception {
        assertEquals(PullStatus.FOUND, pullStatus(0));
        assertEquals(PullStatus.NO_NEW_MSG, pullStatus(19));
        assertEquals(PullStatus.NO_MATCHED_MSG, pullStatus(20));
        assertEquals(PullStatus.OFFSET_ILLEGAL, pullStatus(21));
        MQBrokerException e = assertThrows(MQBrokerException.class,
            () -> MQClientAPIImpl.readPullReply(RemotingCommand.createResponseCommand(24, null), "a"));
        assertTrue(e.getErrorMessage().contains("SUBSCRIPTION_NOT_EXIST"), e.getErrorMessage());
    }
}
