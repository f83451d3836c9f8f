package org.mercurymq.controller.manager;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mercurymq.controller.liveness.BrokerLiveInfo;
import org.mercurymq.controller.liveness.BrokerLiveTracker;
import org.mercurymq.controller.state.ApplyResult;
import org.mercurymq.controller.state.BrokerGroup;
import org.mercurymq.controller.state.ControllerEvent;
import org.mercurymq.remoting.protocol.controller.ControllerResponseCode;
import org.mercurymq.remoting.protocol.controller.SyncStateSetBody;
import org.mercurymq.remoting.protocol.header.controller.ElectMasterResponseHeader;
import org.mercurymq.remoting.protocol.header.controller.GetNextBrokerIdResponseHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's operations. Reads and heartbeats are local; writes are decided here on the leader, against the
 * replicated table and this controller's view of liveness, and go through the {@link EventLog}. Decisions are
 * serialized (one at a time) so each is made on the table its predecessor left; the events' epoch checks refuse
 * anything decided by a deposed leader. Thread-safe.
 */
public final class ReplicasManager {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicasManager.class);
    /** brokerId of a controller-triggered election request. */
    public static final long CONTROLLER_TRIGGER = -1L;

    private final EventLog log;
    private final BrokerLiveTracker live;
    private final boolean electUnclean;
    private final long requestTimeoutMillis;
    private final long startedAt;
    private final long livenessGraceMillis;

    /**
     * @param livenessGraceMillis after start-up, no election for lack of heartbeats until this has passed, so a
     *                            freshly started controller does not depose a master it simply has not heard yet
     */
    public ReplicasManager(EventLog log, BrokerLiveTracker live, boolean electUnclean, long requestTimeoutMillis,
                           long livenessGraceMillis) {
        this.log = log;
        this.live = live;
        this.electUnclean = electUnclean;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.startedAt = live.now();
        this.livenessGraceMillis = livenessGraceMillis;
    }

    public boolean isLeader() {
        return log.isLeader();
    }

    public EventLog eventLog() {
        return log;
    }

    private ControllerReply notLeader() {
        String leader = log.leaderId();
        return ControllerReply.error(ControllerResponseCode.CONTROLLER_NOT_LEADER, "controller " + log.selfId()
            + " is not the leader" + (leader == null ? " (no leader elected yet)" : " (leader is " + leader + ")"));
    }

    /** Code 904: recorded on every controller, leader or not. */
    public void heartbeat(String clusterName, String brokerName, long brokerId, String brokerAddr, long timeoutMillis,
                          int epoch, long maxOffset, long confirmOffset, int electionPriority) {
        heartbeat(clusterName, brokerName, brokerId, brokerAddr, timeoutMillis, epoch, maxOffset, confirmOffset,
            electionPriority, null);
    }

    /** A heartbeat that came on the connection from {@code channelAddr} (its closing makes the broker dead at once). */
    public void heartbeat(String clusterName, String brokerName, long brokerId, String brokerAddr, long timeoutMillis,
                          int epoch, long maxOffset, long confirmOffset, int electionPriority, String channelAddr) {
        boolean wasAlive = live.isAlive(brokerName, brokerId);
        live.onHeartbeat(clusterName, brokerName, brokerId, brokerAddr, timeoutMillis, epoch, maxOffset, confirmOffset,
            electionPriority, channelAddr);
        if (!wasAlive) {
            LOG.info("broker {} id={} at {} is alive (epoch={}, maxOffset={})", brokerName, brokerId, brokerAddr, epoch,
                maxOffset);
        }
    }

    /** Code 1012. */
    public ControllerReply nextBrokerId(String clusterName, String brokerName) {
        if (!log.isLeader()) {
            return notLeader();
        }
        BrokerGroup g = log.table().group(brokerName);
        GetNextBrokerIdResponseHeader h = new GetNextBrokerIdResponseHeader();
        h.setClusterName(clusterName);
        h.setBrokerName(brokerName);
        h.setNextBrokerId(g == null ? 1L : g.nextBrokerId());
        return ControllerReply.ok(h, null);
    }

    /** Code 1013. */
    public synchronized ControllerReply applyBrokerId(String clusterName, String brokerName, long brokerId,
                                                      String registerCheckCode) {
        if (!log.isLeader()) {
            return notLeader();
        }
        return submit(new ControllerEvent.ApplyBrokerId(clusterName, brokerName, brokerId, registerCheckCode));
    }

    /** Code 1003: records the address; replies with the group's master and SyncStateSet. */
    public synchronized ControllerReply registerBroker(String clusterName, String brokerName, long brokerId,
                                                       String address) {
        if (!log.isLeader()) {
            return notLeader();
        }
        return submit(new ControllerEvent.RegisterBroker(clusterName, brokerName, brokerId, address));
    }

    /** Code 1004: the group's master, epochs and SyncStateSet. */
    public ControllerReply replicaInfo(String brokerName) {
        if (!log.isLeader()) {
            return notLeader();
        }
        BrokerGroup g = log.table().group(brokerName);
        if (g == null) {
            return ControllerReply.error(ControllerResponseCode.CONTROLLER_BROKER_METADATA_NOT_EXIST,
                "broker group " + brokerName + " is not registered");
        }
        return groupReply(g);
    }

    static ControllerReply groupReply(BrokerGroup g) {
        return ControllerReply.ok(masterHeader(g), new SyncStateSetBody(g.syncStateSet(), g.syncStateSetEpoch()).encode());
    }

    private static ElectMasterResponseHeader masterHeader(BrokerGroup g) {
        ElectMasterResponseHeader h = new ElectMasterResponseHeader();
        h.setMasterBrokerId(g.hasMaster() ? g.masterBrokerId() : null);
        h.setMasterAddress(g.hasMaster() ? g.masterAddress() : null);
        h.setMasterEpoch(g.masterEpoch());
        h.setSyncStateSetEpoch(g.syncStateSetEpoch());
        return h;
    }

    /**
     * Code 1002. {@code brokerId} is the requesting broker or {@link #CONTROLLER_TRIGGER}; with {@code designate}
     * that broker is the only acceptable winner.
     */
    public synchronized ControllerReply electMaster(String brokerName, long brokerId, boolean designate) {
        if (!log.isLeader()) {
            return notLeader();
        }
        BrokerGroup g = log.table().group(brokerName);
        if (g == null) {
            return ControllerReply.error(ControllerResponseCode.CONTROLLER_BROKER_NEED_TO_BE_REGISTERED,
                "broker group " + brokerName + " is not registered");
        }
        boolean masterAlive = g.hasMaster() && live.isAlive(brokerName, g.masterBrokerId());
        if (masterAlive && !designate) {
            return ControllerReply.error(ControllerResponseCode.CONTROLLER_MASTER_STILL_EXIST, "the master "
                + g.masterBrokerId() + " of " + brokerName + " is alive", masterHeader(g),
                new SyncStateSetBody(g.syncStateSet(), g.syncStateSetEpoch()).encode());
        }
        Optional<Long> winner;
        if (designate) {
            boolean eligible = (g.syncStateSet().contains(brokerId) || electUnclean) && live.isAlive(brokerName, brokerId);
            winner = eligible ? Optional.of(brokerId) : Optional.empty();
        } else if (g.masterEpoch() == 0 && g.syncStateSet().isEmpty() && brokerId != CONTROLLER_TRIGGER
            && g.replicas().containsKey(brokerId)) {
            winner = Optional.of(brokerId); // the group's first election: the first broker to ask wins
        } else {
            winner = ElectPolicy.choose(g, live, electUnclean);
        }
        if (winner.isEmpty()) {
            if (brokerId == CONTROLLER_TRIGGER && g.hasMaster()) {
                ControllerReply cleared = submit(new ControllerEvent.ElectMaster(brokerName, g.masterEpoch(),
                    BrokerGroup.NO_MASTER));
                LOG.warn("no eligible master for {}: SyncStateSet {} has no live member{}; master cleared", brokerName,
                    g.syncStateSet(), electUnclean ? " and no replica is alive" : "");
                if (!cleared.succeeded()) {
                    return cleared;
                }
                return ControllerReply.error(ControllerResponseCode.CONTROLLER_MASTER_NOT_AVAILABLE,
                    "no eligible master for " + brokerName);
            }
            return ControllerReply.error(ControllerResponseCode.CONTROLLER_ELECT_MASTER_FAILED,
                "no eligible master for " + brokerName + ": no live member of the SyncStateSet " + g.syncStateSet());
        }
        long id = winner.get();
        if (g.hasMaster() && g.masterBrokerId() == id && masterAlive) {
            return groupReply(g);
        }
        ControllerReply reply = submit(new ControllerEvent.ElectMaster(brokerName, g.masterEpoch(), id));
        if (reply.succeeded()) {
            BrokerGroup now = log.table().group(brokerName);
            LOG.info("elected broker {} id={} at {} master of {} with epoch {} (old master {}, trigger {})", brokerName,
                id, now.masterAddress(), brokerName, now.masterEpoch(), g.masterBrokerId(),
                brokerId == CONTROLLER_TRIGGER ? "controller" : "broker " + brokerId);
        }
        return reply;
    }

    /** Code 1001: only the current master, under its current epochs, may change the set; every member must be alive. */
    public synchronized ControllerReply alterSyncStateSet(String brokerName, long masterBrokerId, int masterEpoch,
                                                          SyncStateSetBody proposal) {
        if (!log.isLeader()) {
            return notLeader();
        }
        BrokerGroup g = log.table().group(brokerName);
        if (g == null) {
            return ControllerReply.error(ControllerResponseCode.CONTROLLER_ALTER_SYNC_STATE_SET_FAILED,
                "broker group " + brokerName + " is not registered");
        }
        Set<Long> newSet = new HashSet<>(proposal.getSyncStateSet());
        for (Long id : newSet) {
            if (g.replicas().containsKey(id) && !live.isAlive(brokerName, id)) {
                return ControllerReply.error(ControllerResponseCode.CONTROLLER_BROKER_NOT_ALIVE,
                    "broker id " + id + " of " + brokerName + " is not alive");
            }
        }
        return submit(new ControllerEvent.AlterSyncStateSet(brokerName, masterBrokerId, masterEpoch,
            proposal.getSyncStateSetEpoch(), newSet));
    }

    /**
     * One liveness scan: forgets expired brokers and, on the leader, elects a new master for every group whose
     * master is not alive while some replica is.
     */
    public void scan() {
        List<BrokerLiveInfo> expired = live.removeExpired();
        for (BrokerLiveInfo info : expired) {
            LOG.warn("broker {} id={} at {} missed heartbeats for {} ms: not alive", info.brokerName(), info.brokerId(),
                info.brokerAddr(), live.now() - info.lastUpdate());
        }
        if (!log.isLeader() || live.now() - startedAt < livenessGraceMillis) {
            return;
        }
        for (BrokerGroup g : log.table().groups()) {
            boolean masterAlive = g.hasMaster() && live.isAlive(g.brokerName(), g.masterBrokerId());
            boolean anyAlive = g.replicas().keySet().stream().anyMatch(id -> live.isAlive(g.brokerName(), id));
            if (!masterAlive && (anyAlive || g.hasMaster())) {
                ControllerReply r = electMaster(g.brokerName(), CONTROLLER_TRIGGER, false);
                if (!r.succeeded()) {
                    LOG.info("election for {} without a live master: {}", g.brokerName(), r.remark());
                }
            }
        }
    }

    private ControllerReply submit(ControllerEvent event) {
        ApplyResult result;
        try {
            result = log.submit(event).get(requestTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ControllerReply.error(ControllerResponseCode.CONTROLLER_NOT_LEADER,
                "not committed within " + requestTimeoutMillis + " ms (no controller quorum?)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ControllerReply.error(ControllerResponseCode.CONTROLLER_NOT_LEADER,
                "not committed: " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ControllerReply.error(ControllerResponseCode.CONTROLLER_NOT_LEADER, "interrupted");
        }
        if (!result.succeeded()) {
            return ControllerReply.error(result.error(), result.reason());
        }
        BrokerGroup g = result.group();
        if (event instanceof ControllerEvent.AlterSyncStateSet) {
            LOG.info("SyncStateSet of {} is now {} (epoch {})", g.brokerName(), g.syncStateSet(), g.syncStateSetEpoch());
        }
        return groupReply(g);
    }
}
