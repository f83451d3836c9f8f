package org.mercurymq.tools.command;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.route.BrokerData;

/** Finds broker addresses and names in a {@link ClusterInfo}, for the commands that take -c or -b. Stateless. */
public final class ClusterAddresses {
    private ClusterAddresses() {
    }

    /** The master address of every broker of {@code cluster}, sorted; an error when the cluster is unknown. */
    public static Set<String> masters(ClusterInfo info, String cluster) throws SubCommandException {
        Set<String> out = new TreeSet<>();
        for (BrokerData bd : brokersOf(info, cluster)) {
            String master = bd.getBrokerAddrs().get(BrokerConstants.MASTER_ID);
            if (master != null) {
                out.add(master);
            }
        }
        return out;
    }

    /** Every address (masters and slaves) of {@code cluster}, sorted. */
    public static Set<String> mastersAndSlaves(ClusterInfo info, String cluster) throws SubCommandException {
        Set<String> out = new TreeSet<>();
        for (BrokerData bd : brokersOf(info, cluster)) {
            out.addAll(bd.getBrokerAddrs().values());
        }
        return out;
    }

    public static Set<BrokerData> brokersOf(ClusterInfo info, String cluster) throws SubCommandException {
        Set<String> names = info.getClusterAddrTable().get(cluster);
        if (names == null) {
            throw new SubCommandException("cluster '" + cluster + "' is not known to the name server; known clusters: "
                + info.getClusterAddrTable().keySet());
        }
        Set<BrokerData> out = new TreeSet<>();
        for (String name : names) {
            BrokerData bd = info.getBrokerAddrTable().get(name);
            if (bd != null) {
                out.add(bd);
            }
        }
        return out;
    }

    /** The broker name that has {@code addr} among its addresses, or null. */
    public static String brokerNameOf(ClusterInfo info, String addr) {
        for (Map.Entry<String, BrokerData> e : info.getBrokerAddrTable().entrySet()) {
            if (e.getValue().getBrokerAddrs().containsValue(addr)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The cluster a broker name belongs to, or null. */
    public static String clusterOf(ClusterInfo info, String brokerName) {
        for (Map.Entry<String, Set<String>> e : info.getClusterAddrTable().entrySet()) {
            if (e.getValue().contains(brokerName)) {
                return e.getKey();
            }
        }
        return null;
    }
}
