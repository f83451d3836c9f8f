package org.mercurymq.broker.processor;

import com.alibaba.fastjson2.JSONException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mercurymq.common.logging.LogEscape;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.exception.RemotingCommandException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RemotingSerializable;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A processor serving a fixed set of request codes, one handler each. A request that cannot be decoded
 * (missing required header field, malformed body) is answered SYSTEM_ERROR saying why, logged in one line;
 * other failures are answered SYSTEM_ERROR with the exception text. Thread-safe if the handlers are.
 */
public abstract class CodeDispatchingProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(CodeDispatchingProcessor.class);

    /** One request code's handling; returning null means "answered later" or "oneway". */
    @FunctionalInterface
    protected interface Handler {
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
    public RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) {
        Handler handler = handlers.get(request.getCode());
        if (handler == null) {
            return request.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(),
                " request type " + request.getCode() + " not supported");
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
            return request.response(ResponseCode.SYSTEM_ERROR.code(), "the broker failed to process request code "
                + request.getCode() + " (internal error, see the broker log)");
        }
    }

    private static String remote(RemotingChannel channel) {
        return channel == null ? "?" : channel.remoteAddress();
    }

    /** Refuses a request whose content is not usable: answered SYSTEM_ERROR with {@code why}, logged at WARN. */
    protected static void require(boolean condition, String why) {
        if (!condition) {
            throw new IllegalArgumentException(why);
        }
    }

    protected static RemotingCommand success(RemotingCommand request) {
        return request.response(ResponseCode.SUCCESS.code(), null);
    }

    protected static RemotingCommand error(RemotingCommand request, ResponseCode code, String remark) {
        return request.response(code.code(), remark);
    }

    /** A response carrying {@code header}, code SUCCESS. */
    protected static RemotingCommand success(RemotingCommand request, CommandCustomHeader header) {
        RemotingCommand response = request.response(ResponseCode.SUCCESS.code(), null);
        response.writeCustomHeader(header);
        return response;
    }

    /** The request body as JSON of {@code type}; a missing body is a bad request. */
    protected static <T> T decodeBody(RemotingCommand request, Class<T> type) {
        if (request.getBody() == null || request.getBody().length == 0) {
            throw new IllegalArgumentException("request code " + request.getCode() + " needs a body");
        }
        T value = RemotingSerializable.decode(request.getBody(), type);
        if (value == null) {
            throw new IllegalArgumentException("request code " + request.getCode() + " has an empty body");
        }
        return value;
    }
}
