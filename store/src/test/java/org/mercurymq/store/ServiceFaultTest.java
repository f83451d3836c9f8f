package org.mercurymq.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mercurymq.store.StoreTestSupport.message;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store service thread that dies on an Error stops the damage: the store goes read-only, loudly. */
class ServiceFaultTest {
    @TempDir
    Path dir;
    private DefaultMessageStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.shutdown();
        }
    }

    @Test
    void dispatcherDyingOnAnErrorMakesTheStoreRefusePuts() {
        // the dispatcher thread calls the arriving listener; an Error there is what a fault on a mapped page
        // (InternalError) looks like to the dispatcher
        MessageArrivingListener failing = (topic, queueId, logicOffset, tagsCode, storeTime, bitMap, props) -> {
            if (logicOffset == 2) {
                throw new InternalError("a fault occurred in a recent unsafe memory access operation (simulated)");
            }
        };
        store = new DefaultMessageStore(StoreTestSupport.config(dir), new MutableClock(1_000), failing);
        store.load();
        store.start();
        assertEquals(PutMessageStatus.PUT_OK, store.putMessage(message("T", 0, "a")).getPutMessageStatus());
        assertEquals(PutMessageStatus.PUT_OK, store.putMessage(message("T", 0, "b")).getPutMessageStatus());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> store.whyNotWriteable() != null);
        assertTrue(store.whyNotWriteable().contains("ReputMessageService"), store.whyNotWriteable());
        assertTrue(store.whyNotWriteable().contains("InternalError"), store.whyNotWriteable());
        PutMessageResult after = store.putMessage(message("T", 0, "c"));
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, after.getPutMessageStatus(),
            "no PUT_OK after the dispatcher died");
    }

    @Test
    void anErrorOutOfTheLoopReachesTheFaultHandlerOnceWithTheThreadName() {
        List<String> deaths = new CopyOnWriteArrayList<>();
        AtomicLong rounds = new AtomicLong();
        ServiceThread service = new ServiceThread(System::currentTimeMillis, (name, cause) ->
            deaths.add(name + ": " + cause)) {
            @Override
            public String getServiceName() {
                return "TestService";
            }

            @Override
            protected long intervalMillis() {
                return 1;
            }

            @Override
            protected void doWork(long now) {
                if (rounds.incrementAndGet() == 3) {
                    throw new StackOverflowError("simulated");
                }
            }
        };
        service.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(service::isDead);
        assertEquals(List.of("TestService: java.lang.StackOverflowError: simulated"), deaths);
        assertEquals(3, rounds.get());
        assertTrue(service.deathCause() instanceof StackOverflowError);
        service.shutdown();
    }

    @Test
    void periodicFlushIsThoroughOnlyWhenTheInjectedClockSaysSo() {
        MutableClock clock = new MutableClock(0);
        List<Integer> pages = new CopyOnWriteArrayList<>();
        PeriodicFlushService flush = new PeriodicFlushService("TestFlush", clock::millis, ServiceThread.LOG_ONLY,
            1000, 4, 10_000) {
            @Override
            protected void flush(int leastPages) {
                pages.add(leastPages);
            }
        };
        flush.doWork(clock.millis());
        clock.advance(9_999);
        flush.doWork(clock.millis());
        clock.advance(1);
        flush.doWork(clock.millis());
        flush.doWork(clock.millis());
        assertEquals(List.of(4, 4, 0, 4), pages);
    }
}
