package org.mercurymq.remoting;

/** Lifecycle shared by the remoting server and client. */
public interface RemotingService {
    void start();

    /** Stops accepting work, closes connections, fails pending calls and stops every owned thread. */
    void shutdown();

    void registerRPCHook(RPCHook rpcHook);
}
