package org.mercurymq.broker.controller;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.remoting.protocol.RemotingCommand;
import org.mercurymq.remoting.protocol.controller.ControllerRequestCode;
import org.mercurymq.remoting.protocol.controller.ControllerResponseCode;
import org.mercurymq.remoting.protocol.controller.SyncStateSetBody;
import org.mercurymq.remoting.protocol.header.controller.AlterSyncStateSetRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.ApplyBrokerIdRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.BrokerHeartbeatRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.ElectMasterRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.GetNextBrokerIdRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.GetReplicaInfoRequestHeader;
import org.mercurymq.remoting.protocol.header.controller.RegisterBrokerToControllerRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One broker's conversation with the controller (docs/controller.md, "Broker side"): obtains a controller id
 * (identity file, else 1012 then 1013 with a check code), registers its address (1003), heartbeats every
 * controller (904), polls its group (1004) and asks for an election when the group has no master (1002).
 * Every change of master epoch is handed to the {@link RoleListener}; lower or equal epochs are ignored.
 * The master proposes SyncStateSet changes with {@link #reportSyncStateSet}. Thread-safe: the scheduled duties
 * run on one thread; public calls synchronize.
 */
public final class ControllerModeAgent {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerModeAgent.class);

    /** Told about each new master epoch of the group. */
    @FunctionalInterface
    public interface RoleListener {
        void onRoleChange(long myBrokerId, ReplicaState state);
    }

    /** What the broker reports in heartbeats: its last epoch and commit-log offsets. */
    public interface LocalProgress {
        int epoch();

        long maxOffset();

        long confirmOffset();
    }

    private final ControllerChannel channel;
    private final String clusterName;
    private final String brokerName;
    private final String brokerAddr;
    private final BrokerIdentityFile identityFile;
    private final LongSupplier clock;
    private final LocalProgress progress;
    private final long heartbeatTimeoutMillis;
    private final int electionPriority;
    private volatile RoleListener listener;
    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("BrokerControllerAgent", true));
    private volatile long brokerId = -1;
    private volatile boolean registered;
    private volatile ReplicaState state;

    /** An agent that tells its role changes to the listener given to {@link #start}. */
    public ControllerModeAgent(ControllerChannel channel, String clusterName, String brokerName, String brokerAddr,
                               BrokerIdentityFile identityFile, LongSupplier clock, LocalProgress progress,
                               long heartbeatTimeoutMillis, int electionPriority) {
        this(channel, clusterName, brokerName, brokerAddr, identityFile, clock, progress, heartbeatTimeoutMillis,
            electionPriority, null);
    }

    public ControllerModeAgent(ControllerChannel channel, String clusterName, String brokerName, String brokerAddr,
                               BrokerIdentityFile identityFile, LongSupplier clock, LocalProgress progress,
                               long heartbeatTimeoutMillis, int electionPriority, RoleListener listener) {
        this.channel = channel;
        this.clusterName = clusterName;
        this.brokerName = brokerName;
        this.brokerAddr = brokerAddr;
        this.identityFile = identityFile;
        this.clock = clock;
        this.progress = progress;
        this.heartbeatTimeoutMillis = heartbeatTimeoutMillis;
        this.electionPriority = electionPriority;
        this.listener = listener;
    }

    /**
     * Starts heartbeats every {@code heartbeatMillis} and the group poll every {@code syncMillis}, telling
     * {@code roleListener} about every new master epoch.
     */
    public void start(long heartbeatMillis, long syncMillis, RoleListener roleListener) {
        this.listener = roleListener;
        start(heartbeatMillis, syncMillis);
    }

    /** Starts heartbeats every {@code heartbeatMillis} and the group poll every {@code syncMillis}. */
    public void start(long heartbeatMillis, long syncMillis) {
        scheduler.scheduleWithFixedDelay(() -> run("sync", this::syncOnce), 0, syncMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> run("heartbeat", this::heartbeat), heartbeatMillis, heartbeatMillis,
            TimeUnit.MILLISECONDS);
    }

    private static void run(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // a failed round must not end the schedule: the next one retries
            LOG.error("controller {} round failed", what, e);
        }
    }

    public void shutdown() {
        scheduler.shutdownNow();
    }

    /** The controller-assigned id, -1 before it is known. */
    public long brokerId() {
        return brokerId;
    }

    /** The last state received, or null. */
    public ReplicaState state() {
        return state;
    }

    /** Obtains an id and registers the address; false (logged) when the controller is unreachable or refuses. */
    public synchronized boolean register() {
        if (brokerId < 0) {
            long stored = identityFile.load(clusterName, brokerName);
            if (stored > 0) {
                brokerId = stored;
            } else if (!applyForId()) {
                return false;
            }
        }
        RegisterBrokerToControllerRequestHeader h = new RegisterBrokerToControllerRequestHeader();
        h.setClusterName(clusterName);
        h.setBrokerName(brokerName);
        h.setBrokerId(brokerId);
        h.setBrokerAddress(brokerAddr);
        RemotingCommand r = channel.callLeader(ControllerRequestCode.CONTROLLER_REGISTER_BROKER, h, null);
        if (r == null || r.getCode() != 0) {
            LOG.warn("registration of {} id={} with the controller failed: {}", brokerName, brokerId, describe(r));
            return false;
        }
        registered = true;
        LOG.info("registered {} id={} at {} with the controller", brokerName, brokerId, brokerAddr);
        heartbeat();
        return true;
    }

    private boolean applyForId() {
        GetNextBrokerIdRequestHeader next = new GetNextBrokerIdRequestHeader();
        next.setClusterName(clusterName);
        next.setBrokerName(brokerName);
        RemotingCommand r = channel.callLeader(ControllerRequestCode.CONTROLLER_GET_NEXT_BROKER_ID, next, null);
        if (r == null || r.getCode() != 0) {
            LOG.warn("no broker id from the controller: {}", describe(r));
            return false;
        }
        long candidate = Long.parseLong(r.getExtFields().get("nextBrokerId"));
        ApplyBrokerIdRequestHeader apply = new ApplyBrokerIdRequestHeader();
        apply.setClusterName(clusterName);
        apply.setBrokerName(brokerName);
        apply.setAppliedBrokerId(candidate);
        apply.setRegisterCheckCode(brokerAddr + ";" + clock.getAsLong());
        RemotingCommand applied = channel.callLeader(ControllerRequestCode.CONTROLLER_APPLY_BROKER_ID, apply, null);
        if (applied == null || applied.getCode() != 0) {
            LOG.warn("broker id {} refused: {}", candidate, describe(applied));
            return false;
        }
        identityFile.store(clusterName, brokerName, candidate);
        brokerId = candidate;
        return true;
    }

    /** One heartbeat to every controller (nothing before an id is known). */
    public void heartbeat() {
        long id = brokerId;
        if (id < 0) {
            return;
        }
        BrokerHeartbeatRequestHeader h = new BrokerHeartbeatRequestHeader();
        h.setClusterName(clusterName);
        h.setBrokerName(brokerName);
        h.setBrokerAddr(brokerAddr);
        h.setBrokerId(id);
        h.setEpoch(progress.epoch());
        h.setMaxOffset(progress.maxOffset());
        h.setConfirmOffset(progress.confirmOffset());
        h.setHeartbeatTimeoutMills(heartbeatTimeoutMillis);
        h.setElectionPriority(electionPriority);
        channel.heartbeatAll(h);
    }

    /** Registers if needed, reads the group's state, asks for an election when it has no master. */
    public synchronized ReplicaState syncOnce() {
        if (!registered && !register()) {
            return null;
        }
        GetReplicaInfoRequestHeader h = new GetReplicaInfoRequestHeader();
        h.setBrokerName(brokerName);
        RemotingCommand r = channel.callLeader(ControllerRequestCode.CONTROLLER_GET_REPLICA_INFO, h, null);
        if (r != null && r.getCode() == ControllerResponseCode.CONTROLLER_BROKER_METADATA_NOT_EXIST.code()) {
            registered = false; // the controller lost the group: register again next round
            return null;
        }
        ReplicaState s = decode(r);
        if (s == null) {
            return null;
        }
        if (!s.hasMaster()) {
            ElectMasterRequestHeader e = new ElectMasterRequestHeader();
            e.setClusterName(clusterName);
            e.setBrokerName(brokerName);
            e.setBrokerId(brokerId);
            e.setDesignateElect(false);
            e.setInvokeTime(clock.getAsLong());
            ReplicaState elected = decode(channel.callLeader(ControllerRequestCode.CONTROLLER_ELECT_MASTER, e, null));
            if (elected != null) {
                s = elected;
            }
        }
        apply(s);
        return s;
    }

    /**
     * The master proposes a new SyncStateSet under its epochs (code 1001); the new set is adopted only when the
     * controller accepts it. Returns the response code (-1: controller unreachable).
     */
    public synchronized int reportSyncStateSet(Set<Long> proposal) {
        ReplicaState s = state;
        if (s == null || s.masterBrokerId() != brokerId) {
            return ControllerResponseCode.CONTROLLER_INVALID_MASTER.code();
        }
        AlterSyncStateSetRequestHeader h = new AlterSyncStateSetRequestHeader();
        h.setBrokerName(brokerName);
        h.setMasterBrokerId(brokerId);
        h.setMasterEpoch(s.masterEpoch());
        RemotingCommand r = channel.callLeader(ControllerRequestCode.CONTROLLER_ALTER_SYNC_STATE_SET, h,
            new SyncStateSetBody(proposal, s.syncStateSetEpoch()).encode());
        if (r == null) {
            return -1;
        }
        if (r.getCode() == 0) {
            ReplicaState accepted = decode(r);
            if (accepted != null) {
                state = accepted;
                LOG.info("SyncStateSet of {} is now {} (epoch {})", brokerName, accepted.syncStateSet(),
                    accepted.syncStateSetEpoch());
            }
        } else {
            LOG.warn("SyncStateSet proposal {} refused: {}", proposal, describe(r));
        }
        return r.getCode();
    }

    private void apply(ReplicaState s) {
        ReplicaState old = state;
        if (old != null && s.masterEpoch() <= old.masterEpoch()) {
            if (s.masterEpoch() == old.masterEpoch()) {
                state = s; // same term: a newer SyncStateSet
            }
            return;
        }
        state = s;
        LOG.info("{} id={}: master is now {} ({}) with epoch {}, SyncStateSet {}", brokerName, brokerId,
            s.masterBrokerId(), s.masterAddress(), s.masterEpoch(), s.syncStateSet());
        RoleListener l = listener;
        if (l != null) {
            l.onRoleChange(brokerId, s);
        }
    }

    private static ReplicaState decode(RemotingCommand r) {
        if (r == null || r.getCode() != 0 || r.getExtFields() == null) {
            return null;
        }
        String master = r.getExtFields().get("masterBrokerId");
        String epoch = r.getExtFields().get("masterEpoch");
        SyncStateSetBody body = SyncStateSetBody.decode(r.getBody());
        return new ReplicaState(master == null ? -1 : Long.parseLong(master), r.getExtFields().get("masterAddress"),
            epoch == null ? 0 : Integer.parseInt(epoch), body.getSyncStateSet(), body.getSyncStateSetEpoch());
    }

    private static String describe(RemotingCommand r) {
        return r == null ? "no controller leader reachable" : "code " + r.getCode() + " " + r.getRemark();
    }
}
