package org.mercurymq.controller.state;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One broker group (brokerName) as the controller holds it: replicas by controller-assigned id, the SyncStateSet,
 * the master (-1: none) and the two epochs. Immutable; every change makes a new value.
 */
public final class BrokerGroup {
    /** masterBrokerId when the group has no master. */
    public static final long NO_MASTER = -1L;

    private final String clusterName;
    private final String brokerName;
    private final Map<Long, Replica> replicas;
    private final Set<Long> syncStateSet;
    private final long masterBrokerId;
    private final int masterEpoch;
    private final int syncStateSetEpoch;

    public BrokerGroup(String clusterName, String brokerName, Map<Long, Replica> replicas, Set<Long> syncStateSet,
                       long masterBrokerId, int masterEpoch, int syncStateSetEpoch) {
        this.clusterName = clusterName;
        this.brokerName = brokerName;
        this.replicas = Collections.unmodifiableMap(new TreeMap<>(replicas));
        this.syncStateSet = Collections.unmodifiableSet(new TreeSet<>(syncStateSet));
        this.masterBrokerId = masterBrokerId;
        this.masterEpoch = masterEpoch;
        this.syncStateSetEpoch = syncStateSetEpoch;
    }

    static BrokerGroup empty(String clusterName, String brokerName) {
        return new BrokerGroup(clusterName, brokerName, Map.of(), Set.of(), NO_MASTER, 0, 0);
    }

    public String clusterName() {
        return clusterName;
    }

    public String brokerName() {
        return brokerName;
    }

    public Map<Long, Replica> replicas() {
        return replicas;
    }

    public Set<Long> syncStateSet() {
        return syncStateSet;
    }

    public long masterBrokerId() {
        return masterBrokerId;
    }

    public boolean hasMaster() {
        return masterBrokerId != NO_MASTER;
    }

    /** The master's address, or null when there is no master or it never registered an address. */
    public String masterAddress() {
        Replica r = replicas.get(masterBrokerId);
        return r == null ? null : r.address();
    }

    public int masterEpoch() {
        return masterEpoch;
    }

    public int syncStateSetEpoch() {
        return syncStateSetEpoch;
    }

    /** The next id to hand out: 1 for a new group, else one above the highest (docs/controller.md). */
    public long nextBrokerId() {
        return replicas.isEmpty() ? 1L : ((TreeMap<Long, Replica>) new TreeMap<>(replicas)).lastKey() + 1;
    }

    BrokerGroup withReplica(Replica replica) {
        Map<Long, Replica> next = new TreeMap<>(replicas);
        next.put(replica.brokerId(), replica);
        return new BrokerGroup(clusterName, brokerName, next, syncStateSet, masterBrokerId, masterEpoch, syncStateSetEpoch);
    }

    BrokerGroup withMaster(long newMaster, Set<Long> newSet, int newSetEpoch) {
        return new BrokerGroup(clusterName, brokerName, replicas, newSet, newMaster, masterEpoch + 1, newSetEpoch);
    }

    BrokerGroup withSyncStateSet(Set<Long> newSet) {
        return new BrokerGroup(clusterName, brokerName, replicas, newSet, masterBrokerId, masterEpoch, syncStateSetEpoch + 1);
    }

    @Override
    public String toString() {
        return brokerName + "{master=" + masterBrokerId + "@" + masterEpoch + ", syncStateSet=" + syncStateSet + "@"
            + syncStateSetEpoch + ", replicas=" + replicas.values() + "}";
    }

    /** A replica: its controller-assigned id, the check code it claimed the id with, and its address (null until registered). */
    public record Replica(long brokerId, String registerCheckCode, String address) {
        @Override
        public String toString() {
            return brokerId + "=" + address;
        }
    }
}
