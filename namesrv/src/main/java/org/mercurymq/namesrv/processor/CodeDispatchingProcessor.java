package org.mercurymq.namesrv.processor;

import com.alibaba.fastjson2.JSONException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor serving a fixed set of request codes, one handler each. A request that cannot be decoded
 * (missing required header field, malformed body) is answered SYSTEM_ERROR with a message saying why, and
 * logged in one line. Thread-safe if the handlers are.
 */
abstract class CodeDispatchingProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(CodeDispatchingProcessor.class);

    /** One request code's handling. */
    @FunctionalInterface
    interface Handler {
        RemotingCommand handle(RemotingChannel channel, RemotingCommand request) throws Exception;
    }

    private final Map<Integer, Handler> handlers = new TreeMap<>();

    protected final void on(int code, Handler handler) {
        if (handlers.put(code, handler) != null) {
            throw new IllegalStateException("two handlers for request code " + code);
        }
    }

    /** The request codes this processor serves, for registration with the server. */
    public final Set<Integer> codes() {
        return Collections.unmodifiableSet(handlers.keySet());
    }

    @Override
    public final RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) {
        Handler handler = handlers.get(request.getCode());
        if (handler == null) {
            return UnsupportedRequestProcessor.notSupported(request);
        }
        try {
            return handler.handle(channel, request);
        } catch (RemotingCommandException | IllegalArgumentException | JSONException e) {
            String why = e.getMessage() == null ? "malformed request" : e.getMessage();
            LOG.warn("bad request code={} from {}: {}", request.getCode(), remote(channel), LogEscape.of(why));
            return request.response(ResponseCode.SYSTEM_ERROR.code(), why);
        } catch (Exception e) {
            // A bug, not bad input: the stack trace is for us; the client gets a readable line without internals.
            LOG.error("request code={} from {} failed", request.getCode(), remote(channel), e);
            return request.response(ResponseCode.SYSTEM_ERROR.code(), "the name server failed to process request code "
                + request.getCode() + " (internal error, see the name server log)");
        }
    }

    private static String remote(RemotingChannel channel) {
        return channel == null ? "?" : channel.remoteAddress();
    }

    static RemotingCommand success(RemotingCommand request) {
        return request.response(ResponseCode.SUCCESS.code(), null);
    }
}
