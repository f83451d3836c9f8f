package org.mercurymq.remoting;

import org.mercurymq.remoting.protocol.RemotingCommand;

/** Called around every request a client or server sends (ACL signing, tracing). */
public interface RPCHook {
    void doBeforeRequest(String remoteAddr, RemotingCommand request);

    void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response);
}
