package org.mercurymq.tools.admin;

import java.util.List;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.netty.NettyClientConfig;
import org.mercurymq.remoting.netty.NettyRemotingClient;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * The one remoting client of an admin session: sends a request, waits for the reply and turns every code but
 * the accepted ones into an {@link MQAdminException} naming the server. Thread-safe once started.
 */
final class AdminRemoting {
    private final NettyRemotingClient client;
    private final long timeoutMillis;

    /** {@code rpcHook} (e.g. ACL signing) runs before every request; null for none. */
    AdminRemoting(long timeoutMillis, RPCHook rpcHook, boolean useTLS) {
        this.timeoutMillis = timeoutMillis;
        this.client = new NettyRemotingClient(NettyClientConfig.builder()
            .clientWorkerThreads(2)
            .clientCallbackExecutorThreads(2)
            .useTLS(useTLS)
            .build());
        if (rpcHook != null) {
            client.registerRPCHook(rpcHook);
        }
    }

    void start(List<String> nameServers) {
        client.updateNameServerAddressList(nameServers);
        client.start();
    }

    void shutdown() {
        client.shutdown();
    }

    List<String> nameServers() {
        return client.getNameServerAddressList();
    }

    static RemotingCommand request(int code, CommandCustomHeader header) {
        return RemotingCommand.createRequestCommand(code, header);
    }

    static RemotingCommand request(int code, CommandCustomHeader header, byte[] body) {
        RemotingCommand cmd = RemotingCommand.createRequestCommand(code, header);
        cmd.setBody(body);
        return cmd;
    }

    /** Calls a name server: {@code addr}, or the client's current one when null. */
    RemotingCommand callNamesrv(String addr, RemotingCommand request, ResponseCode... accepted)
        throws RemotingException, MQAdminException, InterruptedException {
        RemotingCommand response = client.invokeSync(addr, request, timeoutMillis);
        String who = addr != null ? addr : client.getChosenNameServer() != null ? client.getChosenNameServer()
            : String.valueOf(client.getNameServerAddressList());
        return check(response, "name server " + who, accepted);
    }

    RemotingCommand callBroker(String addr, RemotingCommand request, ResponseCode... accepted)
        throws RemotingException, MQAdminException, InterruptedException {
        if (addr == null) {
            throw new MQAdminException("no broker address for request code " + request.getCode());
        }
        return check(client.invokeSync(addr, request, timeoutMillis), "broker " + addr, accepted);
    }

    /** {@link #callBroker} with its own timeout (RocketMQ gives consume-stats and client relays 15 s). */
    RemotingCommand callBrokerWithin(String addr, RemotingCommand request, long timeoutMillis)
        throws RemotingException, MQAdminException, InterruptedException {
        if (addr == null) {
            throw new MQAdminException("no broker address for request code " + request.getCode());
        }
        return check(client.invokeSync(addr, request, timeoutMillis), "broker " + addr);
    }

    /** Calls a controller peer and returns its answer whatever the code (the caller tries the next peer on 2007). */
    RemotingCommand callController(String addr, RemotingCommand request)
        throws RemotingException, InterruptedException {
        return client.invokeSync(addr, request, timeoutMillis);
    }

    private static RemotingCommand check(RemotingCommand response, String who, ResponseCode... accepted)
        throws MQAdminException {
        if (response.getCode() == ResponseCode.SUCCESS.code()) {
            return response;
        }
        for (ResponseCode ok : accepted) {
            if (response.getCode() == ok.code()) {
                return response;
            }
        }
        throw new MQAdminException(response.getCode(), response.getRemark(), who);
    }
}
