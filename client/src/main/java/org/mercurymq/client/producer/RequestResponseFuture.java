package org.mercurymq.client.producer;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.mercurymq.common.message.Message;

/**
 * One outstanding request of request/reply: waits for the reply with the same CORRELATION_ID, or runs
 * the callback of an async request. Thread-safe.
 */
public class RequestResponseFuture {
    private final String correlationId;
    private final RequestCallback requestCallback;
    private final Clock clock;
    private final long beginTimestamp;
    private final Message requestMsg;
    private final long timeoutMillis;
    private final CountDownLatch countDownLatch = new CountDownLatch(1);
    private volatile Message responseMsg;
    private volatile boolean sendRequestOk = true;
    private volatile Throwable cause;

    public RequestResponseFuture(String correlationId, long timeoutMillis, RequestCallback requestCallback) {
        this(correlationId, timeoutMillis, requestCallback, null);
    }

    public RequestResponseFuture(String correlationId, long timeoutMillis, RequestCallback requestCallback, Message requestMsg) {
        this(correlationId, timeoutMillis, requestCallback, requestMsg, Clock.systemUTC());
    }

    /** {@code clock} (the producer's client instance's) decides when the request times out. */
    public RequestResponseFuture(String correlationId, long timeoutMillis, RequestCallback requestCallback, Message requestMsg,
                                 Clock clock) {
        this.clock = clock;
        this.beginTimestamp = clock.millis();
        this.correlationId = correlationId;
        this.timeoutMillis = timeoutMillis;
        this.requestCallback = requestCallback;
        this.requestMsg = requestMsg;
    }

    /** Reports the reply (or the failure) to the async callback, if any. */
    public void executeRequestCallback() {
        if (requestCallback == null) {
            return;
        }
        if (sendRequestOk && cause == null && responseMsg != null) {
            requestCallback.onSuccess(responseMsg);
        } else {
            requestCallback.onException(cause);
        }
    }

    public boolean isTimeout() {
        return clock.millis() - beginTimestamp > timeoutMillis;
    }

    public Message waitResponseMessage(final long timeout) throws InterruptedException {
        countDownLatch.await(timeout, TimeUnit.MILLISECONDS);
        return responseMsg;
    }

    public void putResponseMessage(final Message responseMsg) {
        this.responseMsg = responseMsg;
        countDownLatch.countDown();
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public long getBeginTimestamp() {
        return beginTimestamp;
    }

    public RequestCallback getRequestCallback() {
        return requestCallback;
    }

    public Message getResponseMsg() {
        return responseMsg;
    }

    public Message getRequestMsg() {
        return requestMsg;
    }

    public boolean isSendRequestOk() {
        return sendRequestOk;
    }

    public void setSendRequestOk(boolean sendRequestOk) {
        this.sendRequestOk = sendRequestOk;
    }

    public Throwable getCause() {
        return cause;
    }

    public void setCause(Throwable cause) {
        this.cause = cause;
    }
}
