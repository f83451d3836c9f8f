package org.mercurymq.client.impl.producer;

import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.factory.ProducerServices;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.common.GroupNames;
import org.mercurymq.common.message.Message;
import org.mercurymq.remoting.exception.RemotingException;

/**
 * The client instance's own sender (group CLIENT_INNER_PRODUCER): consumers send messages back through it for
 * retry. An engine object over {@link DefaultMQProducerImpl}, so that the client instance (client.impl.factory)
 * does not depend on the public producer facade (layers: docs/client.md). The engine still keeps its settings in a
 * {@link DefaultMQProducer}, because DefaultMQProducerImpl is constructed from one, as in RocketMQ's API.
 */
public final class InternalProducer implements ProducerServices.InternalSender {
    private final DefaultMQProducerImpl impl;
    private final long sendTimeoutMillis;

    public InternalProducer(ClientConfig clientConfig) {
        DefaultMQProducer settings = new DefaultMQProducer(GroupNames.CLIENT_INNER_PRODUCER_GROUP);
        settings.resetClientConfig(clientConfig);
        this.impl = settings.getDefaultMQProducerImpl();
        this.sendTimeoutMillis = settings.getSendMsgTimeout();
    }

    /** Registers with the client instance that starts it; does not start that instance again. */
    @Override
    public void start() throws MQClientException {
        impl.start(false);
    }

    @Override
    public void shutdown() {
        impl.shutdown(false);
    }

    /** A synchronous send with the producer's default time-out (what DefaultMQProducer#send(Message) does). */
    @Override
    public void send(Message msg)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException {
        impl.send(msg, sendTimeoutMillis);
    }
}
