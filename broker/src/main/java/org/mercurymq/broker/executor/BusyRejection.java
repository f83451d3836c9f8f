package org.mercurymq.broker.executor;

import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.ResponseCode;

/**
 * Wraps a processor so a request taken out of its queue by {@link BrokerFastFailure} is answered
 * SYSTEM_BUSY with the cleaner's reason instead of being processed. The reason travels in a thread-local
 * set only while the cleaner runs the task. Thread-safe.
 */
public final class BusyRejection implements RequestProcessor {
    private static final ThreadLocal<String> REASON = new ThreadLocal<>();

    private final RequestProcessor delegate;

    public BusyRejection(RequestProcessor delegate) {
        this.delegate = delegate;
    }

    static void runRejected(Runnable task, String reason) {
        REASON.set(reason);
        try {
            task.run();
        } finally {
            REASON.remove();
        }
    }

    @Override
    public RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) throws Exception {
        String reason = REASON.get();
        if (reason != null) {
            return request.response(ResponseCode.SYSTEM_BUSY.code(), reason);
        }
        return delegate.processRequest(channel, request);
    }

    @Override
    public boolean rejectRequest() {
        return delegate.rejectRequest();
    }

    @Override
    public boolean runOnIoThread(RemotingCommand request) {
        return delegate.runOnIoThread(request);
    }
}
