package org.mercurymq.remoting;

import org.mercurymq.remoting.netty.ResponseFuture;

/** Completion of an async call; runs on the callback executor, never on an IO thread. */
public interface InvokeCallback {
    void operationComplete(ResponseFuture responseFuture);
}
