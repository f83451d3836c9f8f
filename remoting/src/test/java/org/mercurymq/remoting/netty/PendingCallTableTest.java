package org.mercurymq.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.mercurymq.remoting.protocol.RemotingCommand;

class PendingCallTableTest {

    private static ResponseFuture call(long begin, long timeout, Semaphore permits) {
        return new ResponseFuture(null, RemotingCommand.createRequestCommand(1, null), timeout, null, begin, permits);
    }

    @Test
    void expiresOnlyCallsOlderThanTimeoutPlusOneSecond() {
        PendingCallTable table = new PendingCallTable();
        ResponseFuture old = call(1_000, 500, null);
        ResponseFuture young = call(1_000, 5_000, null);
        table.put(old);
        table.put(young);
        assertTrue(table.removeExpired(2_499).isEmpty());
        List<ResponseFuture> expired = table.removeExpired(2_500);
        assertEquals(1, expired.size());
        assertSame(old, expired.get(0));
        assertEquals(1, table.size());
        assertEquals(1, table.removeAll().size());
        assertEquals(0, table.size());
    }

    @Test
    void permitIsReleasedOnce() {
        Semaphore permits = new Semaphore(1);
        permits.acquireUninterruptibly();
        ResponseFuture f = call(0, 10, permits);
        f.release();
        f.release();
        assertEquals(1, permits.availablePermits());
    }

    @Test
    void removeOnlyRemovesTheSameCall() {
        PendingCallTable table = new PendingCallTable();
        ResponseFuture f = call(0, 10, null);
        table.put(f);
        assertTrue(table.remove(f));
        assertEquals(0, table.size());
    }
}
