package org.mercurymq.remoting;

import java.util.concurrent.ExecutorService;
import org.mercurymq.remoting.exception.RemotingSendRequestException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.exception.RemotingTooMuchRequestException;
import org.mercurymq.remoting.protocol.RemotingCommand;

/** Accepts connections, routes requests by code to processors and can call its clients back. */
public interface RemotingServer extends RemotingService {
    /** Routes {@code requestCode} to {@code processor} on {@code executor} (null: the shared public executor). */
    void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor);

    /** Handles every code without its own processor. */
    void registerDefaultProcessor(RequestProcessor processor, ExecutorService executor);

    /** The bound port (useful with port 0); -1 before {@link #start()}. */
    int localListenPort();

    RemotingCommand invokeSync(RemotingChannel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingSendRequestException, RemotingTimeoutException;

    void invokeAsync(RemotingChannel channel, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException;

    void invokeOneway(RemotingChannel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingTooMuchRequestException, RemotingTimeoutException, RemotingSendRequestException;
}
