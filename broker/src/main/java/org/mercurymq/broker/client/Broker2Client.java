package org.mercurymq.broker.client;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RemotingServer;
import org.mercurymq.remoting.exception.RemotingSendRequestException;
import org.mercurymq.remoting.exception.RemotingTimeoutException;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.RequestCode;
import org.mercurymq.remoting.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the broker sends to its clients over their own connections (docs/protocol/remoting.md §8 "server → client"):
 * NOTIFY_CONSUMER_IDS_CHANGED, RESET_CONSUMER_CLIENT_OFFSET, CHECK_TRANSACTION_STATE (oneway) and the
 * synchronous relays of admin requests. Channels are those registered by heartbeats on the main server.
 * Thread-safe.
 */
public final class Broker2Client implements ConsumerIdsChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(Broker2Client.class);
    private static final long ONEWAY_TIMEOUT_MILLIS = 10;

    private final RemotingServer server;
    private final BooleanSupplier notifyEnabled;

    public Broker2Client(RemotingServer server, BooleanSupplier notifyEnabled) {
        this.server = server;
        this.notifyEnabled = notifyEnabled;
    }

    @Override
    public void consumerIdsChanged(String group, List<RemotingChannel> channels) {
        if (!notifyEnabled.getAsBoolean()) {
            return;
        }
        for (RemotingChannel channel : channels) {
            NotifyConsumerIdsChangedRequestHeader header = new NotifyConsumerIdsChangedRequestHeader();
            header.setConsumerGroup(group);
            sendOneway(channel, RemotingCommand.createRequestCommand(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, header));
        }
    }

    /** Sends a oneway request; failures are logged in one line and otherwise ignored. */
    public void sendOneway(RemotingChannel channel, RemotingCommand request) {
        try {
            server.invokeOneway(channel, request, ONEWAY_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("oneway request code {} to {} failed: {}", request.getCode(), channel.remoteAddress(), e.toString());
        }
    }

    public void sendOneway(RemotingChannel channel, int code, CommandCustomHeader header, byte[] body) {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, header);
        request.setBody(body);
        sendOneway(channel, request);
    }

    /** Calls a client and waits for its answer. */
    public RemotingCommand callClient(RemotingChannel channel, RemotingCommand request, long timeoutMillis)
        throws InterruptedException, RemotingSendRequestException, RemotingTimeoutException {
        return server.invokeSync(channel, request, timeoutMillis);
    }
}
