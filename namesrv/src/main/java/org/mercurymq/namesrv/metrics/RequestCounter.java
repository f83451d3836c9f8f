package org.mercurymq.namesrv.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.RequestProcessor;
import org.mercurymq.remoting.protocol.RemotingCommand;

/**
 * Counts the requests the name server handles, by request code: {@link #wrap} puts a counting step in front
 * of a processor (one LongAdder increment per request). Thread-safe.
 */
public final class RequestCounter {
    private final ConcurrentMap<Integer, LongAdder> byCode = new ConcurrentHashMap<>();

    public RequestProcessor wrap(RequestProcessor processor) {
        return new RequestProcessor() {
            @Override
            public RemotingCommand processRequest(RemotingChannel channel, RemotingCommand request) throws Exception {
                byCode.computeIfAbsent(request.getCode(), c -> new LongAdder()).increment();
                return processor.processRequest(channel, request);
            }

            @Override
            public boolean rejectRequest() {
                return processor.rejectRequest();
            }
        };
    }

    /** Requests handled so far, by code, in code order. */
    public Map<Integer, Long> counts() {
        Map<Integer, Long> out = new TreeMap<>();
        byCode.forEach((code, n) -> out.put(code, n.sum()));
        return out;
    }
}
