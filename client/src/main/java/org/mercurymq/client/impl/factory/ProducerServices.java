package org.mercurymq.client.impl.factory;

import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.exception.RemotingException;

/**
 * What the producer layer contributes to a client instance, handed to the instance's constructor (by
 * {@link MQClientManager}) so that the instance does not depend on the producer engine: its own sender for consumer
 * send-backs, and the receiver of request/reply answers. Implemented by client.impl.producer.InstanceServices.
 */
public interface ProducerServices {
    /** The instance's own sender (group CLIENT_INNER_PRODUCER), started and stopped with the instance. */
    InternalSender internalSender(ClientConfig clientConfig);

    /** PUSH_REPLY_MESSAGE_TO_CLIENT: completes the request whose CORRELATION_ID {@code reply} carries. */
    void replyArrived(MessageExt reply);

    /** A sender for messages the client itself produces (send-backs to %RETRY%group). */
    interface InternalSender {
        void start() throws MQClientException;

        void shutdown();

        /** A synchronous send with the default time-out; the result is only logged by callers. */
        void send(Message msg) throws MQClientException, RemotingException, MQBrokerException, InterruptedException;
    }
}
