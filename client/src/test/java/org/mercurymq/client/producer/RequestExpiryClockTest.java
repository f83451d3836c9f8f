package org.mercurymq.client.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.MutableClock;
import org.mercurymq.client.exception.RequestTimeoutException;
import org.mercurymq.common.message.Message;

/** An async request/reply times out when its clock passes the time-out, found by the holder's expiry scan. */
class RequestExpiryClockTest {
    private static final String ID = "RequestExpiryClockTest-1";

    private final MutableClock clock = new MutableClock(1_000_000L);

    @AfterEach
    void tearDown() {
        RequestFutureHolder.getInstance().getRequestFutureTable().remove(ID);
    }

    @Test
    void scanExpiresAnAsyncRequestOnlyOnceTheClockPassesItsTimeout() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        RequestResponseFuture f = new RequestResponseFuture(ID, 60_000, new RequestCallback() {
            @Override
            public void onSuccess(Message message) {
            }

            @Override
            public void onException(Throwable e) {
                failure.set(e);
            }
        }, null, clock);
        RequestFutureHolder holder = RequestFutureHolder.getInstance();
        holder.getRequestFutureTable().put(ID, f);

        clock.advance(60_000);
        holder.scanExpiredRequest();
        assertFalse(f.isTimeout());
        assertNull(failure.get());
        assertTrue(holder.getRequestFutureTable().containsKey(ID));

        clock.advance(1);
        holder.scanExpiredRequest();
        assertTrue(failure.get() instanceof RequestTimeoutException, String.valueOf(failure.get()));
        assertFalse(holder.getRequestFutureTable().containsKey(ID));
        assertEquals(60_000, f.getTimeoutMillis());
    }
}
