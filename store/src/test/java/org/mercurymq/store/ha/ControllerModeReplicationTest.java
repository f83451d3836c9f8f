package org.mercurymq.store.ha;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.store.BrokerRole;
import org.mercurymq.store.DefaultMessageStore;
import org.mercurymq.store.MutableClock;
import org.mercurymq.store.PutMessageResult;
import org.mercurymq.store.PutMessageStatus;
import org.mercurymq.store.StoreTestSupport;
import org.mercurymq.store.ha.epoch.EpochEntry;

/**
 * Two real stores switching roles at run time as a controller would tell them (docs/controller.md): the handshake
 * names the slave and carries the master's epochs, the master's SyncStateSet view sees the slave catch up, a put
 * under allAckInSyncStateSet waits for every member, and a deposed master that wrote a tail its successor never got
 * cuts that tail when it rejoins and then holds exactly the new master's log.
 */
class ControllerModeReplicationTest {
    private static final String TOPIC = "FailoverTopic";

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    private final MutableClock clock = new MutableClock(1_700_000_000_000L);
    private DefaultMessageStore a;
    private DefaultMessageStore b;

    @AfterEach
    void tearDown() {
        if (b != null) {
            b.shutdown();
        }
        if (a != null) {
            a.shutdown();
        }
    }

    private DefaultMessageStore open(Path dir) {
        // controller mode starts every replica read-only until told
        return StoreTestSupport.open(StoreTestSupport.config(dir, Map.of("brokerRole", "SLAVE", "slaveTimeout", "500",
            "allAckInSyncStateSet", "true")), clock);
    }

    private static PutMessageResult put(DefaultMessageStore store, int i) {
        return store.putMessage(StoreTestSupport.message(TOPIC, i % 4, "message-" + i + "-" + "x".repeat(500)));
    }

    private static String haAddress(DefaultMessageStore master) {
        return "127.0.0.1:" + master.haListenPort();
    }

    @Test
    void rolesSwitchAtRunTimeAndARejoiningMasterCutsItsUnreplicatedTail() {
        a = open(dirA);
        b = open(dirB);
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, put(a, 0).getPutMessageStatus(), "read-only until told");

        // epoch 1: A is master alone, B joins as replica 2
        a.changeToMaster(1, 1, Set.of(1L), BrokerRole.SYNC_MASTER);
        assertEquals(List.of(new EpochEntry(1, 0)), a.epochEntries());
        for (int i = 0; i < 50; i++) {
            assertEquals(PutMessageStatus.PUT_OK, put(a, i).getPutMessageStatus(), "a set of one acks at once");
        }
        b.changeToSlave(haAddress(a), 1, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> b.getMaxPhyOffset() == a.getMaxPhyOffset());
        await().atMost(Duration.ofSeconds(20)).until(() -> Set.of(1L, 2L).equals(a.syncStateSetTracker().proposal()));
        a.syncStateSetTracker().onDecided(Set.of(1L, 2L));
        a.onSyncStateSetDecided();
        assertEquals(List.of(new EpochEntry(1, 0)), b.epochEntries(), "the replica took the master's epochs");
        assertEquals(PutMessageStatus.PUT_OK, put(a, 50).getPutMessageStatus(), "acked by the whole set");

        // B stops replicating (its master is lost to it): A's next put is not acknowledged, yet stored
        b.changeToMaster(2, 2, Set.of(2L), BrokerRole.SYNC_MASTER);
        long replicated = b.getMaxPhyOffset();
        long queuedBefore = queued(a);
        assertEquals(PutMessageStatus.FLUSH_SLAVE_TIMEOUT, put(a, 51).getPutMessageStatus(),
            "a put the SyncStateSet member does not have is never SEND_OK");
        assertEquals(queuedBefore, queued(a), "nor consumable: dispatch stops where every member has the log");
        assertTrue(a.getMaxPhyOffset() > replicated, "A holds a tail B never got");
        assertEquals(List.of(new EpochEntry(1, 0), new EpochEntry(2, replicated)), b.epochEntries());
        for (int i = 100; i < 130; i++) {
            assertEquals(PutMessageStatus.PUT_OK, put(b, i).getPutMessageStatus());
        }

        // A rejoins as replica 1 of B: it cuts [replicated, its max) and copies B's epoch-2 data
        a.changeToSlave(haAddress(b), 2, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> a.getMaxPhyOffset() == b.getMaxPhyOffset()
            && a.dispatchBehindBytes() == 0 && b.dispatchBehindBytes() == 0);
        assertArrayEquals(commitLogBytes(b), commitLogBytes(a), "A holds exactly B's log");
        for (int q = 0; q < 4; q++) {
            assertEquals(b.getMaxOffsetInQueue(TOPIC, q), a.getMaxOffsetInQueue(TOPIC, q), "queue " + q);
        }
        assertEquals(b.epochEntries(), a.epochEntries());
        assertEquals(PutMessageStatus.SERVICE_NOT_AVAILABLE, put(a, 999).getPutMessageStatus(), "a replica refuses puts");
    }

    /**
     * HA chunks need not end on a record boundary: a replica may hold the first part of a record when its master
     * dies. It keeps dispatching what is whole (no error), and on promotion cuts the part and takes puts after the
     * last whole record.
     */
    @Test
    void aReplicaPromotedWithHalfARecordCutsItAndTakesPuts() {
        a = open(dirA);
        b = open(dirB);
        a.changeToMaster(1, 1, Set.of(1L), BrokerRole.SYNC_MASTER);
        long lastStart = 0;
        for (int i = 0; i < 10; i++) {
            PutMessageResult r = put(a, i);
            assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus());
            lastStart = r.getAppendMessageResult().getWroteOffset();
        }
        byte[] log = commitLogBytes(a);
        assertTrue(b.appendToCommitLog(0, log, 0, log.length - 100), "all but the last 100 bytes replicated");
        await().atMost(Duration.ofSeconds(10)).until(() -> queued(b) == 9);
        b.changeToMaster(2, 2, Set.of(2L), BrokerRole.SYNC_MASTER);
        assertEquals(lastStart, b.getMaxPhyOffset(), "the incomplete record is cut");
        PutMessageResult r = put(b, 100);
        assertEquals(PutMessageStatus.PUT_OK, r.getPutMessageStatus(), "the new master takes puts");
        assertEquals(lastStart, r.getAppendMessageResult().getWroteOffset(), "right after the last whole record");
        await().atMost(Duration.ofSeconds(10)).until(() -> queued(b) == 10);
        assertEquals(List.of(new EpochEntry(2, lastStart)), b.epochEntries());
    }

    private static long queued(DefaultMessageStore store) {
        long n = 0;
        for (int q = 0; q < 4; q++) {
            n += store.getMaxOffsetInQueue(TOPIC, q);
        }
        return n;
    }

    private static byte[] commitLogBytes(DefaultMessageStore store) {
        return StoreTestSupport.commitLogBytes(store);
    }
}
