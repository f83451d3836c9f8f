package org.mercurymq.tools.command;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.mercurymq.remoting.netty.NettyRemotingServer;
import org.mercurymq.remoting.netty.NettyServerConfig;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * A loopback server that plays both name server and broker with canned answers per request code, so the CLI's
 * decoding and printing can be checked exactly. Unknown codes get REQUEST_CODE_NOT_SUPPORTED. Thread-safe.
 */
final class FakeAdminServer implements AutoCloseable {
    private final Map<Integer, Function<RemotingCommand, RemotingCommand>> answers = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final NettyRemotingServer server;

    FakeAdminServer() {
        server = new NettyRemotingServer(NettyServerConfig.builder().bindAddress("127.0.0.1").build());
        server.registerDefaultProcessor((channel, request) -> {
            Function<RemotingCommand, RemotingCommand> f = answers.get(request.getCode());
            if (f == null) {
                return request.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(), "not faked: " + request.getCode());
            }
            return f.apply(request);
        }, executor);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.localListenPort();
    }

    /** Answers {@code code} with success and {@code body}. */
    FakeAdminServer body(int code, byte[] body) {
        answers.put(code, req -> {
            RemotingCommand r = req.response(ResponseCode.SUCCESS.code(), null);
            r.setBody(body);
            return r;
        });
        return this;
    }

    FakeAdminServer error(int code, ResponseCode answer, String remark) {
        answers.put(code, req -> req.response(answer.code(), remark));
        return this;
    }

    FakeAdminServer answer(int code, Function<RemotingCommand, RemotingCommand> f) {
        answers.put(code, f);
        return this;
    }

    @Override
    public void close() {
        server.shutdown();
        executor.shutdownNow();
    }
}
