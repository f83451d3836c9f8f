package org.mercurymq.client.impl.producer;

import java.util.UUID;
import org.mercurymq.client.common.ClientErrorCode;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.exception.RequestTimeoutException;
import org.mercurymq.client.producer.MessageQueueSelector;
import org.mercurymq.client.producer.RequestCallback;
import org.mercurymq.client.producer.RequestFutureHolder;
import org.mercurymq.client.producer.RequestResponseFuture;
import org.mercurymq.client.producer.SendCallback;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;

/**
 * Request/reply for one producer: the request carries CORRELATION_ID, REPLY_TO_CLIENT (this client's
 * id) and TTL; it is sent asynchronously; the broker pushes the reply (sent by the consumer with
 * {@code MessageUtil.createReplyMessage}) to this client (PUSH_REPLY_MESSAGE_TO_CLIENT), which
 * completes the future of that correlation id. Thread-safe.
 */
public final class RequestReplySupport {
    private final DefaultMQProducerImpl producer;

    private RequestReplySupport(DefaultMQProducerImpl producer) {
        this.producer = producer;
    }

    public static RequestReplySupport of(DefaultMQProducerImpl producer) {
        return new RequestReplySupport(producer);
    }

    /** Sync request: the reply, or RequestTimeoutException when the request was sent but no reply came. */
    public Message request(Message msg, MessageQueue mq, MessageQueueSelector selector, Object arg, long timeout)
        throws MQClientException, RemotingException, MQBrokerException, InterruptedException, RequestTimeoutException {
        long begin = producer.now();
        RequestResponseFuture future = register(msg, timeout, null);
        try {
            long left = prepare(msg, timeout, begin);
            send(msg, mq, selector, arg, future, left);
            long waitFor = timeout - (producer.now() - begin);
            Message reply = future.waitResponseMessage(Math.max(0, waitFor));
            if (reply != null) {
                return reply;
            }
            if (future.isSendRequestOk()) {
                throw new RequestTimeoutException(ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION, "send request message to <"
                    + msg.getTopic() + "> OK, but wait reply message timeout, " + timeout + " ms.");
            }
            throw new MQClientException("send request message to <" + msg.getTopic() + "> fail", future.getCause());
        } finally {
            RequestFutureHolder.getInstance().getRequestFutureTable().remove(future.getCorrelationId());
        }
    }

    /** Async request: the callback gets the reply, the send failure, or a time-out. */
    public void request(Message msg, MessageQueue mq, MessageQueueSelector selector, Object arg, RequestCallback callback,
                        long timeout) throws MQClientException, RemotingException, InterruptedException, MQBrokerException {
        if (callback == null) {
            throw new MQClientException("the request callback is null", null);
        }
        long begin = producer.now();
        RequestResponseFuture future = register(msg, timeout, callback);
        long left;
        try {
            left = prepare(msg, timeout, begin);
        } catch (RequestTimeoutException e) {
            RequestFutureHolder.getInstance().getRequestFutureTable().remove(future.getCorrelationId());
            callback.onException(e);
            return;
        }
        try {
            send(msg, mq, selector, arg, future, left);
        } catch (MQClientException | RemotingException | RuntimeException e) {
            RequestFutureHolder.getInstance().getRequestFutureTable().remove(future.getCorrelationId());
            throw e;
        }
    }

    private RequestResponseFuture register(Message msg, long timeout, RequestCallback callback) throws MQClientException {
        if (msg == null) {
            throw new MQClientException("the request message is null", null);
        }
        String correlationId = UUID.randomUUID().toString();
        RequestResponseFuture future = new RequestResponseFuture(correlationId, timeout, callback, msg,
            producer.getMQClientFactory().getClock());
        RequestFutureHolder.getInstance().getRequestFutureTable().put(correlationId, future);
        producer.requestReplyInUse();
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_CORRELATION_ID, correlationId);
        return future;
    }

    /**
     * Adds the reply-to properties and makes sure the broker of the topic knows this client (a heartbeat
     * right after the first route lookup) so it can push the reply; returns the time left.
     */
    private long prepare(Message msg, long timeout, long begin) throws MQClientException, RequestTimeoutException {
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT, producer.getMQClientFactory().getClientId());
        MessageAccessor.putProperty(msg, MessageConst.PROPERTY_MESSAGE_TTL, String.valueOf(timeout));
        if (producer.getMQClientFactory().getAnExistTopicRouteData(producer.topicWithNamespace(msg.getTopic())) == null) {
            producer.tryToFindTopicPublishInfo(producer.topicWithNamespace(msg.getTopic()));
            producer.getMQClientFactory().sendHeartbeatToAllBrokerWithLock();
        }
        long left = timeout - (producer.now() - begin);
        if (left <= 0) {
            throw new RequestTimeoutException(ClientErrorCode.REQUEST_TIMEOUT_EXCEPTION, "request timeout before sending");
        }
        return left;
    }

    private void send(Message msg, MessageQueue mq, MessageQueueSelector selector, Object arg, final RequestResponseFuture future,
                      long timeout) throws MQClientException, RemotingException, InterruptedException {
        SendCallback callback = new SendCallback() {
            @Override
            public void onSuccess(SendResult sendResult) {
                future.setSendRequestOk(true);
            }

            @Override
            public void onException(Throwable e) {
                future.setSendRequestOk(false);
                future.setCause(e);
                RequestFutureHolder.getInstance().getRequestFutureTable().remove(future.getCorrelationId());
                future.putResponseMessage(null);
                future.executeRequestCallback();
            }
        };
        if (mq != null) {
            producer.send(msg, mq, callback, timeout);
        } else if (selector != null) {
            producer.send(msg, selector, arg, callback, timeout);
        } else {
            producer.send(msg, callback, timeout);
        }
    }
}
