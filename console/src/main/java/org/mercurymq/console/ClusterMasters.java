package org.mercurymq.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.route.BrokerData;

/** The master address of every broker group of a cluster, for the write actions that go "to the whole cluster". */
final class ClusterMasters {
    private ClusterMasters() {
    }

    /**
     * Sorted by broker name; 400 when the NameServer knows no such cluster, 409 when none of its groups has a
     * master online.
     */
    static List<String> of(ClusterInfo cluster, String clusterName) {
        Set<String> brokerNames = cluster.getClusterAddrTable().get(clusterName);
        if (brokerNames == null) {
            throw ApiException.badRequest("No cluster named " + clusterName + ".");
        }
        List<String> masters = new ArrayList<>();
        for (String brokerName : new TreeSet<>(brokerNames)) {
            BrokerData data = cluster.getBrokerAddrTable().get(brokerName);
            String master = data == null ? null : data.masterAddr();
            if (master != null) {
                masters.add(master);
            }
        }
        if (masters.isEmpty()) {
            throw new ApiException(409, "The cluster " + clusterName + " has no master online.");
        }
        return masters;
    }
}
