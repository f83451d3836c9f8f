package org.mercurymq.remoting.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.mercurymq.remoting.InvokeCallback;
import org.mercurymq.remoting.exception.RemotingSendRequestException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.exception.RemotingTooMuchRequestException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests on a channel and matches responses by opaque: sync (wait), async (callback on the
 * callback executor) and oneway (no response), with semaphores bounding in-flight async and oneway
 * calls. Shared by the client and the server (for its calls to clients). Thread-safe.
 */
final class RequestInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(RequestInvoker.class);

    private final PendingCallTable pending = new PendingCallTable();
    private final Semaphore asyncPermits;
    private final Semaphore onewayPermits;
    private final RpcHookChain hooks;
    private final ExecutorService callbackExecutor;
    private final Clock clock;

    RequestInvoker(int asyncPermits, int onewayPermits, RpcHookChain hooks, ExecutorService callbackExecutor) {
        this(asyncPermits, onewayPermits, hooks, callbackExecutor, Clock.systemUTC());
    }

    RequestInvoker(int asyncPermits, int onewayPermits, RpcHookChain hooks, ExecutorService callbackExecutor, Clock clock) {
        this.clock = clock;
        this.asyncPermits = new Semaphore(asyncPermits, true);
        this.onewayPermits = new Semaphore(onewayPermits, true);
        this.hooks = hooks;
        this.callbackExecutor = callbackExecutor;
    }

    int pendingCount() {
        return pending.size();
    }

    RemotingCommand invokeSync(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingSendRequestException, RemotingTimeoutException {
        NettyChannel nc = NettyChannel.of(channel);
        String addr = nc.remoteAddress();
        hooks.before(addr, request);
        ResponseFuture f = new ResponseFuture(nc, request, timeoutMillis, null, clock.millis(), null, clock);
        pending.put(f);
        try {
            channel.writeAndFlush(request).addListener((ChannelFutureListener) cf -> {
                if (cf.isSuccess()) {
                    f.setSendRequestOK(true);
                    return;
                }
                f.setSendRequestOK(false);
                f.setCause(cf.cause());
                pending.remove(f);
                f.putResponse(null);
            });
            RemotingCommand response = f.waitResponse(timeoutMillis);
            if (response == null) {
                if (f.isSendRequestOK() && !(f.getCause() instanceof RemotingSendRequestException)) {
                    f.markTimedOut();
                    throw new RemotingTimeoutException("wait response on the channel <" + addr + "> timeout, "
                        + timeoutMillis + "(ms)", f.getCause());
                }
                throw new RemotingSendRequestException("send request to <" + addr + "> failed", f.getCause());
            }
            hooks.after(addr, request, response);
            return response;
        } finally {
            pending.remove(f);
        }
    }

    void invokeAsync(Channel channel, RemotingCommand request, long timeoutMillis, InvokeCallback callback)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException {
        long begin = clock.millis();
        acquire(asyncPermits, timeoutMillis, "invokeAsync");
        long cost = clock.millis() - begin;
        if (cost > timeoutMillis) {
            asyncPermits.release();
            throw new RemotingTimeoutException("invokeAsync call timeout after waiting " + cost + "ms for a permit");
        }
        NettyChannel nc = NettyChannel.of(channel);
        String addr = nc.remoteAddress();
        ResponseFuture f = new ResponseFuture(nc, request, timeoutMillis - cost, wrapAfterHook(addr, request, callback),
            begin + cost, asyncPermits, clock);
        try {
            hooks.before(addr, request);
            pending.put(f);
            channel.writeAndFlush(request).addListener((ChannelFutureListener) cf -> {
                if (cf.isSuccess()) {
                    f.setSendRequestOK(true);
                    return;
                }
                if (pending.remove(f)) {
                    f.setSendRequestOK(false);
                    f.setCause(cf.cause());
                    f.putResponse(null);
                    complete(f);
                    LOG.warn("send request opaque={} to {} failed: {}", f.getOpaque(), addr, cf.cause() == null ? "" : cf.cause().toString());
                }
            });
        } catch (RuntimeException e) {
            pending.remove(f);
            f.release();
            throw new RemotingSendRequestException("send request to <" + addr + "> failed", e);
        }
    }

    void invokeOneway(Channel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingSendRequestException {
        request.markOnewayRPC();
        acquire(onewayPermits, timeoutMillis, "invokeOneway");
        String addr = NettyChannel.of(channel).remoteAddress();
        try {
            hooks.before(addr, request);
            channel.writeAndFlush(request).addListener((ChannelFutureListener) cf -> {
                onewayPermits.release();
                if (!cf.isSuccess()) {
                    LOG.warn("send oneway request code={} to {} failed: {}", request.getCode(), addr,
                        cf.cause() == null ? "" : cf.cause().toString());
                }
            });
        } catch (RuntimeException e) {
            onewayPermits.release();
            throw new RemotingSendRequestException("send oneway request to <" + addr + "> failed", e);
        }
    }

    /** Completes the pending call the response belongs to; unknown opaques are logged and dropped. */
    void onResponse(Channel channel, RemotingCommand response) {
        ResponseFuture f = pending.remove(response.getOpaque());
        if (f == null) {
            LOG.warn("dropping response opaque={} code={} from {}: no pending call (timed out?)", response.getOpaque(),
                response.getCode(), NettyChannel.of(channel).remoteAddress());
            return;
        }
        f.putResponse(response);
        complete(f);
    }

    /** Expires calls older than their time-out plus the grace period; called every second. */
    void scanExpired(long nowMillis) {
        List<ResponseFuture> expired = pending.removeExpired(nowMillis);
        for (ResponseFuture f : expired) {
            f.markTimedOut();
            f.setCause(new RemotingTimeoutException("no response within " + f.getTimeoutMillis() + "ms"));
            f.putResponse(null);
            complete(f);
            LOG.warn("expired pending call opaque={} code={} to {} after {}ms", f.getOpaque(), f.getRequestCommand().getCode(),
                f.getChannel().remoteAddress(), nowMillis - f.getBeginTimestamp());
        }
    }

    /** Fails every pending call on a channel that just closed, so callers need not wait for their time-out. */
    void failChannel(Channel channel) {
        for (ResponseFuture f : pending.removeFor(NettyChannel.of(channel))) {
            f.setCause(new RemotingSendRequestException("connection to " + f.getChannel().remoteAddress() + " closed"));
            f.putResponse(null);
            complete(f);
        }
    }

    /** Fails every pending call (shutdown). */
    void failAll(String reason) {
        for (ResponseFuture f : pending.removeAll()) {
            f.setCause(new RemotingSendRequestException(reason));
            f.putResponse(null);
            complete(f);
        }
    }

    private InvokeCallback wrapAfterHook(String addr, RemotingCommand request, InvokeCallback callback) {
        return f -> {
            if (f.getResponseCommand() != null) {
                hooks.after(addr, request, f.getResponseCommand());
            }
            if (callback != null) {
                callback.operationComplete(f);
            }
        };
    }

    /** Runs the callback (if any) on the callback executor and then releases the permit. */
    private void complete(ResponseFuture f) {
        if (f.getInvokeCallback() == null) {
            f.release();
            return;
        }
        Runnable task = () -> {
            try {
                f.executeInvokeCallback();
            } catch (Throwable t) {
                LOG.warn("invoke callback for opaque={} threw {}", f.getOpaque(), t.toString());
            } finally {
                f.release();
            }
        };
        try {
            callbackExecutor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warn("callback executor rejected the callback of opaque={}; running it on {}", f.getOpaque(),
                Thread.currentThread().getName());
            task.run();
        }
    }

    private static void acquire(Semaphore permits, long timeoutMillis, String what)
        throws InterruptedException, RemotingTooMuchRequestException {
        if (!permits.tryAcquire(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS)) {
            throw new RemotingTooMuchRequestException(what + " tryAcquire semaphore timeout, " + timeoutMillis
                + "ms, waiting threads: " + permits.getQueueLength() + ", available permits: " + permits.availablePermits());
        }
    }
}
