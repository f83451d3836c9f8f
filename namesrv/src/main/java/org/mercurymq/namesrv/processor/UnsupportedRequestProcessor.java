package org.mercurymq.namesrv.processor;

import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * Default processor: answers REQUEST_CODE_NOT_SUPPORTED (3). The official name server sends no reply at all,
 * which leaves the caller hanging until its time-out (and then closing the connection); a prompt code 3 is
 * what every other RocketMQ endpoint answers and what clients already handle. Stateless and thread-safe.
 */
public final class UnsupportedRequestProcessor implements RequestProcessor {
    @Override
    public RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) {
        return notSupported(request);
    }

    static RemotingCommand notSupported(RemotingCommand request) {
        return request.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED.code(),
            " request type " + request.getCode() + " not supported");
    }
}
