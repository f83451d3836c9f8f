package org.mercurymq.remoting.netty;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls waiting for a response, by opaque. The scan removes calls older than their time-out plus
 * one second (docs/protocol/remoting.md §8); the caller passes the current time so expiry is testable.
 * Thread-safe.
 */
final class PendingCallTable {
    static final long EXPIRY_GRACE_MILLIS = 1000;

    private final ConcurrentHashMap<Integer, ResponseFuture> calls = new ConcurrentHashMap<>(256);

    void put(ResponseFuture f) {
        calls.put(f.getOpaque(), f);
    }

    ResponseFuture remove(int opaque) {
        return calls.remove(opaque);
    }

    /** Removes only if {@code opaque} still maps to {@code f}. */
    boolean remove(ResponseFuture f) {
        return calls.remove(f.getOpaque(), f);
    }

    int size() {
        return calls.size();
    }

    /** Removes and returns every call begun more than its time-out plus the grace period before {@code nowMillis}. */
    List<ResponseFuture> removeExpired(long nowMillis) {
        List<ResponseFuture> expired = new ArrayList<>();
        for (Iterator<Map.Entry<Integer, ResponseFuture>> it = calls.entrySet().iterator(); it.hasNext(); ) {
            ResponseFuture f = it.next().getValue();
            if (f.getBeginTimestamp() + f.getTimeoutMillis() + EXPIRY_GRACE_MILLIS <= nowMillis) {
                it.remove();
                expired.add(f);
            }
        }
        return expired;
    }

    /** Removes and returns every call. */
    List<ResponseFuture> removeAll() {
        List<ResponseFuture> all = new ArrayList<>();
        for (Integer opaque : new ArrayList<>(calls.keySet())) {
            ResponseFuture f = calls.remove(opaque);
            if (f != null) {
                all.add(f);
            }
        }
        return all;
    }

    /** Removes and returns the calls sent on {@code channel}. */
    List<ResponseFuture> removeFor(NettyChannel channel) {
        List<ResponseFuture> out = new ArrayList<>();
        for (ResponseFuture f : calls.values()) {
            if (channel.equals(f.getChannel()) && calls.remove(f.getOpaque(), f)) {
                out.add(f);
            }
        }
        return out;
    }
}
