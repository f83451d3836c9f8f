package org.mercurymq.broker.controller;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mercurymq.broker.out.BrokerIdentity;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.mercurymq.store.BrokerRole;
import org.mercurymq.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Controller mode's role switch (docs/controller.md, "Role switch"): each new master epoch the agent reports is
 * applied on this manager's own thread by stopping what the old role ran and starting what the new one runs.
 * <ul>
 * <li>Master: the store stops replicating, records the epoch and serves replicas; the broker runs as brokerId 0
 *     (registered at once with every name server, which drops the entry of the dead master), with the delay and
 *     transaction-check services and the SyncStateSet upkeep.</li>
 * <li>Slave: the master-only services stop; the broker asks the new master for its HA address (code 1007), the store
 *     replicates from it (cutting any tail the master does not have) and the broker registers under its controller
 *     id and copies the master's metadata. A master that cannot be reached yet is retried every second until a newer
 *     epoch supersedes it.</li>
 * </ul>
 * Thread-safe: every switch runs on one thread, in epoch order.
 */
public final class ReplicaRoleManager implements ControllerModeAgent.RoleListener {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRoleManager.class);
    static final long RETRY_MILLIS = 1000;

    /** Services that run only in one role; started and stopped on every switch (idempotent). */
    public interface RoleServices {
        void start();

        void stop();
    }

    /** Finds the HA address of the master serving at a broker address (GET_BROKER_EPOCH_CACHE). */
    @FunctionalInterface
    public interface MasterHaLookup {
        String haAddressOf(String masterBrokerAddr) throws Exception;
    }

    /** Makes the controller's role and id the broker's running configuration. */
    @FunctionalInterface
    public interface RoleConfig {
        void switchRole(BrokerRole role, long brokerId);
    }

    /** What this broker registers with the name servers as, by role. */
    public interface Registration {
        BrokerIdentity asMaster();

        BrokerIdentity asSlave(long brokerId);

        void register(BrokerIdentity identity);
    }

    private final MessageStore store;
    private final boolean allAckInSyncStateSet;
    private final RoleConfig roleConfig;
    private final Registration registration;
    private final MasterHaLookup lookup;
    private final RoleServices masterServices;
    private final Consumer<String> slaveServicesForMaster;
    private final RoleServices slaveServices;
    private final SyncStateSetUpkeep upkeep;
    private final ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("BrokerRoleSwitch", true));
    private volatile ReplicaState target;
    private volatile ReplicaState applied;
    private volatile String masterAddress;

    /**
     * {@code slaveServicesForMaster} is told the master's broker address before {@code slaveServices} start (the
     * metadata copy reads from it).
     */
    public ReplicaRoleManager(MessageStore store, boolean allAckInSyncStateSet, RoleConfig roleConfig,
                              Registration registration, MasterHaLookup lookup, RoleServices masterServices,
                              Consumer<String> slaveServicesForMaster, RoleServices slaveServices,
                              SyncStateSetUpkeep upkeep) {
        this.store = store;
        this.allAckInSyncStateSet = allAckInSyncStateSet;
        this.roleConfig = roleConfig;
        this.registration = registration;
        this.lookup = lookup;
        this.masterServices = masterServices;
        this.slaveServicesForMaster = slaveServicesForMaster;
        this.slaveServices = slaveServices;
        this.upkeep = upkeep;
    }

    @Override
    public void onRoleChange(long myBrokerId, ReplicaState state) {
        target = state;
        try {
            executor.execute(() -> apply(myBrokerId, state));
        } catch (RejectedExecutionException e) {
            LOG.info("role change to epoch {} ignored: the broker is shutting down", state.masterEpoch());
        }
    }

    /** The master's broker address this replica follows, or null. */
    public String masterAddress() {
        return masterAddress;
    }

    /** The last state applied completely, or null. */
    public ReplicaState applied() {
        return applied;
    }

    public void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        upkeep.shutdown();
        masterServices.stop();
        slaveServices.stop();
    }

    private void apply(long myId, ReplicaState state) {
        if (state != target) {
            return; // a newer epoch arrived meanwhile
        }
        try {
            if (state.masterBrokerId() == myId) {
                becomeMaster(myId, state);
            } else if (state.hasMaster()) {
                if (!becomeSlave(myId, state)) {
                    executor.schedule(() -> apply(myId, state), RETRY_MILLIS, TimeUnit.MILLISECONDS);
                    return;
                }
            } else {
                return;
            }
            applied = state;
        } catch (RuntimeException e) {
            LOG.error("switch to epoch {} (master {}) failed, retrying in {} ms", state.masterEpoch(),
                state.masterBrokerId(), RETRY_MILLIS, e);
            executor.schedule(() -> apply(myId, state), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void becomeMaster(long myId, ReplicaState state) {
        long begin = System.nanoTime();
        slaveServices.stop();
        BrokerRole role = allAckInSyncStateSet ? BrokerRole.SYNC_MASTER : BrokerRole.ASYNC_MASTER;
        store.changeToMaster(state.masterEpoch(), myId, state.syncStateSet(), role);
        masterAddress = null;
        roleConfig.switchRole(role, 0);
        registration.register(registration.asMaster());
        masterServices.start();
        upkeep.start();
        LOG.info("ROLE SWITCH: this broker (controller id {}) is MASTER of epoch {} from commit-log offset {}, "
            + "SyncStateSet {}, in {} ms", myId, state.masterEpoch(), store.getMaxPhyOffset(), state.syncStateSet(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    }

    /** False when the master could not be asked for its HA address yet (retried). */
    private boolean becomeSlave(long myId, ReplicaState state) {
        long begin = System.nanoTime();
        upkeep.stop();
        masterServices.stop();
        if (store.role() != BrokerRole.SLAVE) {
            // fence first: a deposed master takes no put from here on, even before it finds the new master
            store.changeToSlave(null, state.masterEpoch(), myId);
        }
        roleConfig.switchRole(BrokerRole.SLAVE, myId);
        String ha;
        try {
            ha = lookup.haAddressOf(state.masterAddress());
        } catch (Exception e) {
            LOG.warn("master {} of epoch {} not reachable for its HA address yet: {}", state.masterAddress(),
                state.masterEpoch(), e.getMessage());
            return false;
        }
        if (ha == null || ha.isEmpty()) {
            LOG.warn("broker {} does not serve replicas (not a master yet?), epoch {}", state.masterAddress(),
                state.masterEpoch());
            return false;
        }
        store.changeToSlave(ha, state.masterEpoch(), myId);
        masterAddress = state.masterAddress();
        registration.register(registration.asSlave(myId));
        slaveServicesForMaster.accept(state.masterAddress());
        slaveServices.start();
        LOG.info("ROLE SWITCH: this broker (controller id {}) is SLAVE of {} (HA {}) in epoch {}, in {} ms", myId,
            state.masterAddress(), ha, state.masterEpoch(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        return true;
    }
}
