package org.mercurymq.remoting.netty;

import io.netty.channel.Channel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each incoming request by code to its processor on the processor's executor and writes
 * the response, or a framework error reply (docs/protocol/remoting.md §9): code 3 for an unknown code, code 2
 * when the processor or its executor refuses, code 1 when the processor throws. Responses copy the
 * opaque, set the response flag and use the request's serialize type. A processor may ask to run a request on the
 * calling I/O thread ({@link RequestProcessor#runOnIoThread}). Thread-safe.
 */
final class RequestDispatcher {
    static final String REJECT_REQUEST_REMARK = "[REJECTREQUEST]system busy, start flow control for a while";
    static final String OVERLOAD_REMARK = "[OVERLOAD]system busy, start flow control for a while";
    private static final long OVERLOAD_LOG_INTERVAL_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final String role;
    private final ConcurrentHashMap<Integer, Route> routes = new ConcurrentHashMap<>(64);
    private final ExecutorService publicExecutor;
    private final RpcHookChain hooks;
    private final AtomicLong lastOverloadLog = new AtomicLong();
    private volatile Route defaultRoute;

    RequestDispatcher(String role, ExecutorService publicExecutor, RpcHookChain hooks) {
        this.role = role;
        this.publicExecutor = publicExecutor;
        this.hooks = hooks;
    }

    void register(int code, RequestProcessor processor, ExecutorService executor) {
        routes.put(code, new Route(processor, executor == null ? publicExecutor : executor));
    }

    void registerDefault(RequestProcessor processor, ExecutorService executor) {
        defaultRoute = new Route(processor, executor == null ? publicExecutor : executor);
    }

    void dispatch(Channel channel, RemotingCommand request) {
        Route route = routes.get(request.getCode());
        if (route == null) {
            route = defaultRoute;
        }
        NettyChannel nc = NettyChannel.of(channel);
        if (route == null) {
            LOG.warn("{}: request code {} from {} not supported", role, request.getCode(), nc.remoteAddress());
            reply(nc, request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), " request type " + request.getCode() + " not supported");
            return;
        }
        if (route.processor.rejectRequest()) {
            reply(nc, request, ResponseCode.SYSTEM_BUSY.code(), REJECT_REQUEST_REMARK);
            return;
        }
        Route chosen = route;
        if (chosen.processor.runOnIoThread(request) && nothingQueued(chosen.executor)) {
            process(nc, request, chosen.processor);
            return;
        }
        try {
            chosen.executor.execute(() -> process(nc, request, chosen.processor));
        } catch (RejectedExecutionException e) {
            long now = System.currentTimeMillis();
            long last = lastOverloadLog.get();
            if (now - last >= OVERLOAD_LOG_INTERVAL_MILLIS && lastOverloadLog.compareAndSet(last, now)) {
                LOG.warn("{}: executor for code {} is full, answering SYSTEM_BUSY to {}", role, request.getCode(), nc.remoteAddress());
            }
            if (!request.isOnewayRPC()) {
                reply(nc, request, ResponseCode.SYSTEM_BUSY.code(), OVERLOAD_REMARK);
            }
        }
    }

    /** Whether no task waits in the executor's queue (so running a request here does not overtake queued ones). */
    private static boolean nothingQueued(ExecutorService executor) {
        return !(executor instanceof ThreadPoolExecutor) || ((ThreadPoolExecutor) executor).getQueue().isEmpty();
    }

    private void process(NettyChannel nc, RemotingCommand request, RequestProcessor processor) {
        String addr = nc.remoteAddress();
        RemotingCommand response = null;
        try {
            hooks.before(addr, request);
            response = processor.processRequest(nc, request);
            hooks.after(addr, request, response);
        } catch (RemotingCommandException e) {
            releaseUnwritten(response);
            LOG.warn("{}: bad request code={} from {}: {}", role, request.getCode(), addr, LogEscape.of(e.getMessage()));
            replyUnlessOneway(nc, request, ResponseCode.SYSTEM_ERROR.code(), e.getMessage());
            return;
        } catch (Throwable e) {
            releaseUnwritten(response);
            LOG.warn("{}: processor for code={} from {} threw {}", role, request.getCode(), addr,
                LogEscape.of(RemotingHelper.exceptionSimpleDesc(e)));
            replyUnlessOneway(nc, request, ResponseCode.SYSTEM_ERROR.code(), RemotingHelper.exceptionSimpleDesc(e));
            return;
        }
        if (response == null || request.isOnewayRPC()) {
            releaseUnwritten(response);
            return;
        }
        response.setOpaque(request.getOpaque());
        response.setSerializeTypeCurrentRPC(request.getSerializeTypeCurrentRPC());
        nc.writeResponse(response);
    }

    private static void releaseUnwritten(RemotingCommand response) {
        if (response != null) {
            response.releaseBodyRegion();
        }
    }

    private static void replyUnlessOneway(NettyChannel nc, RemotingCommand request, int code, String remark) {
        if (!request.isOnewayRPC()) {
            reply(nc, request, code, remark);
        }
    }

    private static void reply(NettyChannel nc, RemotingCommand request, int code, String remark) {
        nc.writeResponse(request.response(code, remark));
    }

    private static final class Route {
        final RequestProcessor processor;
        final ExecutorService executor;

        Route(RequestProcessor processor, ExecutorService executor) {
            this.processor = processor;
            this.executor = executor;
        }
    }
}
