package org.mercurymq.client.utils;

import org.mercurymq.client.common.ClientErrorCode;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;

/** Builds the reply to a request message (request/reply). Stateless. */
public class MessageUtil {
    /** The type value that marks a reply message (property MSG_TYPE). */
    public static final String REPLY_MESSAGE_FLAG = "reply";

    /**
     * A reply to {@code requestMessage} carrying {@code body}: topic {@code <cluster>_REPLY_TOPIC} (the
     * cluster the broker wrote into the request), same CORRELATION_ID, REPLY_TO_CLIENT and TTL.
     */
    public static Message createReplyMessage(final Message requestMessage, final byte[] body) throws MQClientException {
        String cluster = requestMessage.getProperty(MessageConst.PROPERTY_CLUSTER);
        if (cluster == null) {
            throw new MQClientException(ClientErrorCode.CREATE_REPLY_MESSAGE_EXCEPTION,
                "create reply message fail, requestMessage error, property[" + MessageConst.PROPERTY_CLUSTER + "] is null.");
        }
        Message reply = new Message();
        reply.setBody(body);
        reply.setTopic(TopicNames.getReplyTopic(cluster));
        MessageAccessor.putProperty(reply, MessageConst.PROPERTY_MESSAGE_TYPE, REPLY_MESSAGE_FLAG);
        MessageAccessor.putProperty(reply, MessageConst.PROPERTY_CORRELATION_ID,
            requestMessage.getProperty(MessageConst.PROPERTY_CORRELATION_ID));
        MessageAccessor.putProperty(reply, MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT,
            requestMessage.getProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT));
        MessageAccessor.putProperty(reply, MessageConst.PROPERTY_MESSAGE_TTL, requestMessage.getProperty(MessageConst.PROPERTY_MESSAGE_TTL));
        return reply;
    }

    /** The client id a reply goes to. */
    public static String getReplyToClient(final Message msg) {
        return msg.getProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT);
    }
}
