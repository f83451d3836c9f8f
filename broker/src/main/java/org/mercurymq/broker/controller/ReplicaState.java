package org.mercurymq.broker.controller;

import java.util.Set;

/**
 * The group as the controller last described it to this broker: master id and address (-1/null: none), the
 * epochs and the SyncStateSet. Immutable.
 */
public record ReplicaState(long masterBrokerId, String masterAddress, int masterEpoch, Set<Long> syncStateSet,
                           int syncStateSetEpoch) {

    public boolean hasMaster() {
        return masterBrokerId >= 0;
    }
}
