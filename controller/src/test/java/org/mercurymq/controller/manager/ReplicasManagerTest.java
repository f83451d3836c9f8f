package org.mercurymq.controller.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mercurymq.controller.liveness.BrokerLiveTracker;
import org.mercurymq.controller.state.BrokerGroup;
import org.mercurymq.remoting.protocol.controller.ControllerResponseCode;
import org.mercurymq.remoting.protocol.controller.SyncStateSetBody;
import org.mercurymq.remoting.protocol.header.controller.ElectMasterResponseHeader;

/** The controller's decisions with an injected clock and an in-memory log (docs/controller.md, "Election"). */
class ReplicasManagerTest {
    private static final String GROUP = "broker-a";
    private static final long TIMEOUT = 10_000;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final BrokerLiveTracker live = new BrokerLiveTracker(now::get);

    private ReplicasManager manager(boolean unclean) {
        return new ReplicasManager(log, live, unclean, 1000, 0);
    }

    private void join(ReplicasManager m, long id) {
        assertEquals(0, m.applyBrokerId("c", GROUP, id, "127.0.0.1:" + (10910 + id) + ";1").code());
        assertEquals(0, m.registerBroker("c", GROUP, id, "127.0.0.1:" + (10910 + id)).code());
        beat(m, id, 0, 0);
    }

    private void beat(ReplicasManager m, long id, int epoch, long maxOffset) {
        m.heartbeat("c", GROUP, id, "127.0.0.1:" + (10910 + id), TIMEOUT, epoch, maxOffset, 0, Integer.MAX_VALUE);
    }

    private BrokerGroup group() {
        return log.table().group(GROUP);
    }

    /** Master 1, set {1,2}, both alive, epochs 1/2. */
    private ReplicasManager twoInSync(boolean unclean) {
        ReplicasManager m = manager(unclean);
        join(m, 1);
        join(m, 2);
        assertEquals(0, m.electMaster(GROUP, 1, false).code());
        assertEquals(0, m.alterSyncStateSet(GROUP, 1, 1, new SyncStateSetBody(Set.of(1L, 2L), 1)).code());
        assertEquals(Set.of(1L, 2L), group().syncStateSet());
        return m;
    }

    @Test
    void firstElectionGoesToTheRequestingBroker() {
        ReplicasManager m = manager(false);
        join(m, 1);
        join(m, 2);
        ControllerReply r = m.electMaster(GROUP, 2, false);
        assertEquals(0, r.code(), r.remark());
        ElectMasterResponseHeader h = (ElectMasterResponseHeader) r.header();
        assertEquals(2L, h.getMasterBrokerId());
        assertEquals("127.0.0.1:10912", h.getMasterAddress());
        assertEquals(1, h.getMasterEpoch());
        assertEquals(Set.of(2L), SyncStateSetBody.decode(r.body()).getSyncStateSet());
        // a second request while the master is alive changes nothing
        assertEquals(ControllerResponseCode.CONTROLLER_MASTER_STILL_EXIST.code(), m.electMaster(GROUP, 1, false).code());
        assertEquals(1, group().masterEpoch());
    }

    @Test
    void brokerIdsAreUniquePerCheckCode() {
        ReplicasManager m = manager(false);
        assertEquals(1L, ((org.mercurymq.remoting.protocol.header.controller.GetNextBrokerIdResponseHeader)
            m.nextBrokerId("c", GROUP).header()).getNextBrokerId());
        assertEquals(0, m.applyBrokerId("c", GROUP, 1, "a;1").code());
        assertEquals(0, m.applyBrokerId("c", GROUP, 1, "a;1").code(), "a retry by the same broker is accepted");
        assertEquals(ControllerResponseCode.CONTROLLER_BROKER_ID_INVALID.code(), m.applyBrokerId("c", GROUP, 1, "b;2").code());
        assertEquals(2L, group().nextBrokerId());
    }

    @Test
    void onlyTheCurrentMasterWithCurrentEpochsAltersTheSyncStateSet() {
        ReplicasManager m = twoInSync(false);
        int setEpoch = group().syncStateSetEpoch();
        assertEquals(ControllerResponseCode.CONTROLLER_INVALID_MASTER.code(),
            m.alterSyncStateSet(GROUP, 2, 1, new SyncStateSetBody(Set.of(2L), setEpoch)).code());
        assertEquals(ControllerResponseCode.CONTROLLER_FENCED_MASTER_EPOCH.code(),
            m.alterSyncStateSet(GROUP, 1, 0, new SyncStateSetBody(Set.of(1L), setEpoch)).code());
        assertEquals(ControllerResponseCode.CONTROLLER_FENCED_SYNC_STATE_SET_EPOCH.code(),
            m.alterSyncStateSet(GROUP, 1, 1, new SyncStateSetBody(Set.of(1L), setEpoch - 1)).code());
        assertEquals(ControllerResponseCode.CONTROLLER_ALTER_SYNC_STATE_SET_FAILED.code(),
            m.alterSyncStateSet(GROUP, 1, 1, new SyncStateSetBody(Set.of(2L), setEpoch)).code(), "master must stay in");
        assertEquals(Set.of(1L, 2L), group().syncStateSet());
        ControllerReply shrink = m.alterSyncStateSet(GROUP, 1, 1, new SyncStateSetBody(Set.of(1L), setEpoch));
        assertEquals(0, shrink.code(), shrink.remark());
        assertEquals(Set.of(1L), group().syncStateSet());
        assertEquals(setEpoch + 1, group().syncStateSetEpoch());
    }

    @Test
    void aDeadBrokerCannotJoinTheSyncStateSet() {
        ReplicasManager m = manager(false);
        join(m, 1);
        join(m, 2);
        m.electMaster(GROUP, 1, false);
        now.addAndGet(TIMEOUT + 1);
        beat(m, 1, 1, 100);
        assertEquals(ControllerResponseCode.CONTROLLER_BROKER_NOT_ALIVE.code(),
            m.alterSyncStateSet(GROUP, 1, 1, new SyncStateSetBody(Set.of(1L, 2L), group().syncStateSetEpoch())).code());
    }

    @Test
    void whenTheMasterStopsHeartbeatingTheScanElectsTheInSyncSlave() {
        ReplicasManager m = twoInSync(false);
        now.addAndGet(TIMEOUT / 2);
        beat(m, 2, 1, 500);
        m.scan();
        assertEquals(1L, group().masterBrokerId(), "the master's heartbeat has not expired yet");
        now.addAndGet(TIMEOUT / 2 + 1);
        m.scan();
        assertEquals(2L, group().masterBrokerId());
        assertEquals(2, group().masterEpoch());
        assertEquals(Set.of(2L), group().syncStateSet());
        assertFalse(live.isAlive(GROUP, 1));
    }

    @Test
    void aSlaveOutsideTheSyncStateSetIsNotElectedUnlessUncleanIsEnabled() {
        for (boolean unclean : new boolean[] {false, true}) {
            InMemoryEventLog fresh = new InMemoryEventLog();
            BrokerLiveTracker tracker = new BrokerLiveTracker(now::get);
            ReplicasManager m = new ReplicasManager(fresh, tracker, unclean, 1000, 0);
            for (long id = 1; id <= 2; id++) {
                m.applyBrokerId("c", GROUP, id, "x" + id);
                m.registerBroker("c", GROUP, id, "127.0.0.1:" + id);
                m.heartbeat("c", GROUP, id, "127.0.0.1:" + id, TIMEOUT, 0, 0, 0, Integer.MAX_VALUE);
            }
            m.electMaster(GROUP, 1, false); // set = {1}: the slave never caught up
            now.addAndGet(TIMEOUT / 2);
            m.heartbeat("c", GROUP, 2, "127.0.0.1:2", TIMEOUT, 1, 10, 0, Integer.MAX_VALUE);
            now.addAndGet(TIMEOUT / 2 + 1);
            m.scan();
            BrokerGroup g = fresh.table().group(GROUP);
            if (unclean) {
                assertEquals(2L, g.masterBrokerId(), "unclean election picks the live replica");
            } else {
                assertFalse(g.hasMaster(), "no clean candidate: the master is cleared, not replaced");
                assertEquals(2, g.masterEpoch(), "clearing the master is a new epoch");
                assertEquals(Set.of(1L), g.syncStateSet());
            }
        }
    }

    @Test
    void theOldMasterIsElectedAgainWhenItReturnsAndIsTheOnlyInSyncReplica() {
        ReplicasManager m = manager(false);
        join(m, 1);
        join(m, 2);
        m.electMaster(GROUP, 1, false);
        now.addAndGet(TIMEOUT + 1);
        beat(m, 2, 1, 0);
        m.scan();
        assertFalse(group().hasMaster());
        beat(m, 1, 1, 100);
        m.scan();
        assertEquals(1L, group().masterBrokerId());
        assertEquals(3, group().masterEpoch());
    }

    @Test
    void electionPrefersEpochThenOffsetThenPriority() {
        ReplicasManager m = manager(false);
        for (long id = 1; id <= 3; id++) {
            join(m, id);
        }
        m.electMaster(GROUP, 1, false);
        m.alterSyncStateSet(GROUP, 1, 1, new SyncStateSetBody(Set.of(1L, 2L, 3L), group().syncStateSetEpoch()));
        now.addAndGet(TIMEOUT + 1);
        m.heartbeat("c", GROUP, 2, "a2", TIMEOUT, 1, 900, 0, 1);
        m.heartbeat("c", GROUP, 3, "a3", TIMEOUT, 1, 1000, 0, 5);
        m.scan();
        assertEquals(3L, group().masterBrokerId(), "higher max offset wins over a better priority");
    }

    @Test
    void aFollowerRefusesWritesWithNotLeader() {
        ReplicasManager m = manager(false);
        log.leader = false;
        ControllerReply r = m.applyBrokerId("c", GROUP, 1, "x");
        assertEquals(ControllerResponseCode.CONTROLLER_NOT_LEADER.code(), r.code());
        assertTrue(r.remark().contains("not the leader"), r.remark());
        assertEquals(null, log.table().group(GROUP));
        m.heartbeat("c", GROUP, 1, "a", TIMEOUT, 0, 0, 0, 0);
        assertTrue(live.isAlive(GROUP, 1), "followers track heartbeats too");
    }
}
