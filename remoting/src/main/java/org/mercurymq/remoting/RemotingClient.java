package org.mercurymq.remoting;

import java.util.List;
import java.util.concurrent.ExecutorService;
import org.mercurymq.remoting.exception.RemotingConnectException;
import org.mercurymq.remoting.exception.RemotingSendRequestException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.exception.RemotingTooMuchRequestException;
import org.mercurymq.remoting.protocol.RemotingCommand;

/**
 * Calls servers by address ({@code ip:port}); a null address means "a name server", one picked
 * round-robin and kept until it fails. One connection per address.
 */
public interface RemotingClient extends RemotingService {
    void updateNameServerAddressList(List<String> addrs);

    List<String> getNameServerAddressList();

    RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingSendRequestException, RemotingTimeoutException;

    void invokeAsync(String addr, RemotingCommand request, long timeoutMillis, InvokeCallback invokeCallback)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException, RemotingTimeoutException,
        RemotingSendRequestException;

    void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingConnectException, RemotingTooMuchRequestException, RemotingTimeoutException,
        RemotingSendRequestException;

    /** Handles server-to-client requests of {@code requestCode}; other codes are answered with code 3. */
    void registerProcessor(int requestCode, RequestProcessor processor, ExecutorService executor);

    boolean isChannelWritable(String addr);

    void closeChannels(List<String> addrs);
}
