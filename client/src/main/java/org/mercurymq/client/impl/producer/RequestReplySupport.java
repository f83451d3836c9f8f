package org.mercurymq.client.impl.producer;

import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.producer.MessageQueueSelector;
import org.mercurymq.client.producer.RequestCallback;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageQueue;

/** Request/reply for a producer. Not supported yet: every call fails with a clear {@link MQClientException}. */
public final class RequestReplySupport {
    private RequestReplySupport() {
    }

    public static RequestReplySupport of(DefaultMQProducerImpl producer) {
        return new RequestReplySupport();
    }

    public Message request(Message msg, MessageQueue mq, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException {
        throw unsupported();
    }

    public void request(Message msg, MessageQueue mq, MessageQueueSelector selector, Object arg, RequestCallback callback,
                        long timeout) throws MQClientException {
        throw unsupported();
    }

    private static MQClientException unsupported() {
        return new MQClientException("request/reply is not supported by Mercury's client yet", null);
    }
}
