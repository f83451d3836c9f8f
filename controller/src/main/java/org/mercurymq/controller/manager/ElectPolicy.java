package org.mercurymq.controller.manager;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mercurymq.controller.liveness.BrokerLiveInfo;
import org.mercurymq.controller.liveness.BrokerLiveTracker;
import org.mercurymq.controller.state.BrokerGroup;

/**
 * Chooses a new master: among the live members of the SyncStateSet (all live replicas only when unclean election
 * is enabled, which may lose acknowledged data), the one with the highest reported epoch, then the highest max
 * offset, then the lowest {@code brokerElectionPriority}, then the lowest id. Stateless.
 */
public final class ElectPolicy {
    private static final Comparator<BrokerLiveInfo> ORDER = Comparator
        .comparingInt(BrokerLiveInfo::epoch).reversed()
        .thenComparing(Comparator.comparingLong(BrokerLiveInfo::maxOffset).reversed())
        .thenComparingInt(BrokerLiveInfo::electionPriority)
        .thenComparingLong(BrokerLiveInfo::brokerId);

    private ElectPolicy() {
    }

    /** The winner's id, or empty when no replica is eligible. */
    public static Optional<Long> choose(BrokerGroup group, BrokerLiveTracker live, boolean unclean) {
        Optional<Long> winner = best(group.syncStateSet(), group, live);
        if (winner.isEmpty() && unclean) {
            winner = best(group.replicas().keySet(), group, live);
        }
        return winner;
    }

    private static Optional<Long> best(Set<Long> ids, BrokerGroup group, BrokerLiveTracker live) {
        List<BrokerLiveInfo> candidates = ids.stream()
            .filter(id -> group.replicas().containsKey(id) && live.isAlive(group.brokerName(), id))
            .map(id -> live.info(group.brokerName(), id))
            .collect(Collectors.toList());
        return candidates.stream().sorted(ORDER).map(BrokerLiveInfo::brokerId).findFirst();
    }
}
