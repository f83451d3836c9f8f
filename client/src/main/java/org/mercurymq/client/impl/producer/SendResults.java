package org.mercurymq.client.impl.producer;

import org.mercurymq.client.impl.SendReply;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageBatch;
import org.mercurymq.common.message.MessageClientIDSetter;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * The public {@link SendResult} of a stored send (docs/protocol/codes.md, "How the 4.9.x client interprets
 * codes"): the status by response code, the client's unique id (a batch's ids joined by commas), the broker's
 * offset id, queue and offset. Stateless.
 */
public final class SendResults {
    private SendResults() {
    }

    public static SendResult of(String brokerName, Message msg, SendReply reply) {
        MessageQueue mq = new MessageQueue(msg.getTopic(), brokerName, reply.getQueueId());
        SendResult result = new SendResult(status(reply.getCode()), uniqueIds(msg), reply.getOffsetMsgId(), mq,
            reply.getQueueOffset());
        result.setTransactionId(reply.getTransactionId());
        result.setRegionId(reply.getRegionId());
        result.setTraceOn(reply.isTraceOn());
        return result;
    }

    static SendStatus status(int code) {
        if (code == ResponseCode.FLUSH_DISK_TIMEOUT.code()) {
            return SendStatus.FLUSH_DISK_TIMEOUT;
        }
        if (code == ResponseCode.FLUSH_SLAVE_TIMEOUT.code()) {
            return SendStatus.FLUSH_SLAVE_TIMEOUT;
        }
        if (code == ResponseCode.SLAVE_NOT_AVAILABLE.code()) {
            return SendStatus.SLAVE_NOT_AVAILABLE;
        }
        if (code == ResponseCode.SUCCESS.code()) {
            return SendStatus.SEND_OK;
        }
        // SendReply holds only the codes ResponseOutcomes.STORED_SEND_CODES accepts
        throw new IllegalArgumentException("not a stored-send code: " + code);
    }

    private static String uniqueIds(Message msg) {
        if (!(msg instanceof MessageBatch)) {
            return MessageClientIDSetter.getUniqID(msg);
        }
        StringBuilder sb = new StringBuilder();
        for (Message m : (MessageBatch) msg) {
            sb.append(sb.length() == 0 ? "" : ",").append(MessageClientIDSetter.getUniqID(m));
        }
        return sb.toString();
    }
}
