package org.mercurymq.client.impl.producer;

import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.impl.factory.ProducerServices;
import org.mercurymq.client.producer.RequestFutureHolder;
import org.mercurymq.client.producer.RequestResponseFuture;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer layer's part of every client instance: the internal sender over the producer engine, and replies
 * completing the futures of {@link RequestFutureHolder} (the public 4.9.7 holder of pending requests). Stateless.
 */
public enum InstanceServices implements ProducerServices {
    INSTANCE;

    private static final Logger LOG = LoggerFactory.getLogger(InstanceServices.class);

    @Override
    public InternalSender internalSender(ClientConfig clientConfig) {
        return new InternalProducer(clientConfig);
    }

    @Override
    public void replyArrived(MessageExt reply) {
        String correlationId = reply.getProperty(MessageConst.PROPERTY_CORRELATION_ID);
        RequestResponseFuture future = correlationId == null ? null
            : RequestFutureHolder.getInstance().getRequestFutureTable().remove(correlationId);
        if (future == null) {
            LOG.warn("reply {} for an unknown or expired request, dropped", correlationId);
        } else {
            future.putResponseMessage(reply);
            future.executeRequestCallback();
        }
    }
}
