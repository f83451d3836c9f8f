package org.mercurymq.remoting.netty;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mercurymq.remoting.InvokeCallback;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.RemotingCommand;

/**
 * One pending call: the request, when it began, its time-out, and later the response or the cause
 * of failure. The callback runs at most once and the permit is released at most once. Thread-safe.
 */
public final class ResponseFuture {
    private final RemotingChannel channel;
    private final int opaque;
    private final RemotingCommand request;
    private final long timeoutMillis;
    private final InvokeCallback invokeCallback;
    private final long beginTimestamp;
    private final Semaphore permits;
    private final Clock clock;
    private final AtomicBoolean permitReleased = new AtomicBoolean();
    private final AtomicBoolean callbackRan = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    private volatile RemotingCommand responseCommand;
    private volatile boolean sendRequestOK = true;
    private volatile Throwable cause;
    private volatile boolean timedOut;

    ResponseFuture(RemotingChannel channel, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback,
                   long beginTimestamp, Semaphore permits) {
        this(channel, request, timeoutMillis, invokeCallback, beginTimestamp, permits, Clock.systemUTC());
    }

    ResponseFuture(RemotingChannel channel, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback,
                   long beginTimestamp, Semaphore permits, Clock clock) {
        this.clock = clock;
        this.channel = channel;
        this.opaque = request.getOpaque();
        this.request = request;
        this.timeoutMillis = timeoutMillis;
        this.invokeCallback = invokeCallback;
        this.beginTimestamp = beginTimestamp;
        this.permits = permits;
    }

    void executeInvokeCallback() {
        if (invokeCallback != null && callbackRan.compareAndSet(false, true)) {
            invokeCallback.operationComplete(this);
        }
    }

    void release() {
        if (permits != null && permitReleased.compareAndSet(false, true)) {
            permits.release();
        }
    }

    /** True once the call is older than its time-out. */
    public boolean isTimeout() {
        return timedOut || clock.millis() - beginTimestamp > timeoutMillis;
    }

    /** True when the call was expired by the time-out scan or the sync wait. */
    public boolean isTimedOut() {
        return timedOut;
    }

    void markTimedOut() {
        this.timedOut = true;
    }

    public RemotingCommand waitResponse(long timeoutMillis) throws InterruptedException {
        done.await(timeoutMillis, TimeUnit.MILLISECONDS);
        return responseCommand;
    }

    void putResponse(RemotingCommand response) {
        this.responseCommand = response;
        done.countDown();
    }

    public RemotingChannel getChannel() {
        return channel;
    }

    public int getOpaque() {
        return opaque;
    }

    public RemotingCommand getRequestCommand() {
        return request;
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    public InvokeCallback getInvokeCallback() {
        return invokeCallback;
    }

    public long getBeginTimestamp() {
        return beginTimestamp;
    }

    public RemotingCommand getResponseCommand() {
        return responseCommand;
    }

    public boolean isSendRequestOK() {
        return sendRequestOK;
    }

    void setSendRequestOK(boolean sendRequestOK) {
        this.sendRequestOK = sendRequestOK;
    }

    public Throwable getCause() {
        return cause;
    }

    void setCause(Throwable cause) {
        this.cause = cause;
    }

    @Override
    public String toString() {
        return "ResponseFuture[opaque=" + opaque + ", timeoutMillis=" + timeoutMillis + ", sendRequestOK=" + sendRequestOK
            + ", timedOut=" + timedOut + ", response=" + responseCommand + "]";
    }
}
