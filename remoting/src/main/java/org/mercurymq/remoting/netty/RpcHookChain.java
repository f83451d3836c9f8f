package org.mercurymq.remoting.netty;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** The registered RPC hooks, called in registration order. Thread-safe. */
final class RpcHookChain {
    private final List<RPCHook> hooks = new CopyOnWriteArrayList<>();

    void add(RPCHook hook) {
        if (hook != null && !hooks.contains(hook)) {
            hooks.add(hook);
        }
    }

    void before(String remoteAddr, RemotingCommand request) {
        for (RPCHook h : hooks) {
            h.doBeforeRequest(remoteAddr, request);
        }
    }

    void after(String remoteAddr, RemotingCommand request, RemotingCommand response) {
        for (RPCHook h : hooks) {
            h.doAfterResponse(remoteAddr, request, response);
        }
    }
}
