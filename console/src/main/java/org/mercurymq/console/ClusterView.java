package org.mercurymq.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mercurymq.remoting.protocol.body.ClusterInfo;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.tools.admin.DefaultMQAdminExt;

/** The Cluster page: clusters, their broker groups, and each broker's runtime info. */
final class ClusterView {
    private final DefaultMQAdminExt admin;

    ClusterView(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /** {@code {clusters:[{name, brokers:[{brokerName, members:[{brokerId, role, addr, runtime|error}]}]}]}}. */
    Map<String, Object> clusters() throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();
        List<Object> clusters = new ArrayList<>();
        for (Map.Entry<String, java.util.Set<String>> c : new TreeMap<>(info.getClusterAddrTable()).entrySet()) {
            List<Object> groups = new ArrayList<>();
            for (String brokerName : new TreeSet<>(c.getValue())) {
                BrokerData data = info.getBrokerAddrTable().get(brokerName);
                if (data == null) {
                    continue;
                }
                List<Object> members = new ArrayList<>();
                for (Map.Entry<Long, String> m : new TreeMap<>(data.getBrokerAddrs()).entrySet()) {
                    members.add(member(m.getKey(), m.getValue()));
                }
                addReplicationLag(members);
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("brokerName", brokerName);
                group.put("members", members);
                groups.add(group);
            }
            Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("name", c.getKey());
            cluster.put("brokers", groups);
            clusters.add(cluster);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("namesrv", admin.getNamesrvAddr());
        out.put("clusters", clusters);
        return out;
    }

    /**
     * On each slave that answered: how many commit-log bytes it is behind its master that answered
     * ({@code behindMasterBytes}, the masters' and slaves' {@code commitLogMaxOffset} read one after the other, so
     * a busy group shows a small lag that is only the time between the two reads).
     */
    static void addReplicationLag(List<Object> members) {
        Long masterMax = null;
        for (Object o : members) {
            Map<?, ?> m = (Map<?, ?>) o;
            if (Long.valueOf(0).equals(m.get("brokerId"))) {
                masterMax = commitLogMax(m);
            }
        }
        if (masterMax == null) {
            return;
        }
        for (Object o : members) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            Long slaveMax = commitLogMax(m);
            if (!Long.valueOf(0).equals(m.get("brokerId")) && slaveMax != null) {
                m.put("behindMasterBytes", Math.max(0, masterMax - slaveMax));
            }
        }
    }

    private static Long commitLogMax(Map<?, ?> member) {
        Object runtime = member.get("runtime");
        Object v = runtime instanceof Map ? ((Map<?, ?>) runtime).get("commitLogMaxOffset") : null;
        try {
            return v == null ? null : Long.valueOf(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, Object> member(long brokerId, String addr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brokerId", brokerId);
        m.put("role", brokerId == 0 ? "MASTER" : "SLAVE");
        m.put("addr", addr);
        try {
            // one broker that does not answer must not hide the others
            m.put("runtime", new TreeMap<>(admin.fetchBrokerRuntimeStats(addr).getTable()));
        } catch (Exception e) {
            m.put("error", String.valueOf(e.getMessage()));
        }
        return m;
    }

    /** The broker's effective configuration. */
    Map<String, Object> brokerConfig(String addr) throws Exception {
        Map<String, Object> out = new TreeMap<>();
        admin.getBrokerConfig(addr).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }
}
