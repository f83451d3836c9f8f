package org.mercurymq.test.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mercurymq.test.harness.BrokerProcess;
import org.mercurymq.test.harness.ClusterNode;
import org.mercurymq.test.harness.LaunchOptions;
import org.mercurymq.test.harness.NamesrvProcess;

/**
 * NameServers and broker groups (one master, any number of slaves each) as child JVMs on free ports, every
 * node in its own directory under the test's temp dir and known by name ({@code namesrv-0},
 * {@code broker-a-master}, {@code broker-a-slave-1}). {@link Builder#launch} decides per node name how its
 * JVM is launched (a network-namespace prefix, an open-file limit); {@link #add(ClusterNode)} takes further
 * nodes (e.g. controllers) so that {@link #close()} stops them too. Not thread-safe: the test thread owns it.
 */
public final class ChaosCluster implements AutoCloseable {
    private final List<NamesrvProcess> namesrvs;
    private final Map<String, List<BrokerProcess>> groups;
    private final Map<String, ClusterNode> nodes = new LinkedHashMap<>();

    private ChaosCluster(List<NamesrvProcess> namesrvs, Map<String, List<BrokerProcess>> groups) {
        this.namesrvs = namesrvs;
        this.groups = groups;
        namesrvs.forEach(this::add);
        groups.values().forEach(g -> g.forEach(this::add));
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** All name-server addresses separated by ';' as clients and brokers take them. */
    public String namesrvAddr() {
        return namesrvs.stream().map(NamesrvProcess::address).collect(Collectors.joining(";"));
    }

    public List<NamesrvProcess> namesrvs() {
        return Collections.unmodifiableList(namesrvs);
    }

    public List<String> brokerNames() {
        return new ArrayList<>(groups.keySet());
    }

    public BrokerProcess master(String brokerName) {
        return group(brokerName).get(0);
    }

    public List<BrokerProcess> masters() {
        return groups.values().stream().map(g -> g.get(0)).collect(Collectors.toList());
    }

    /** Slaves of one group, brokerId 1, 2, ... */
    public List<BrokerProcess> slaves(String brokerName) {
        List<BrokerProcess> g = group(brokerName);
        return Collections.unmodifiableList(g.subList(1, g.size()));
    }

    private List<BrokerProcess> group(String brokerName) {
        List<BrokerProcess> g = groups.get(brokerName);
        if (g == null) {
            throw new IllegalArgumentException("no broker group " + brokerName + " in " + groups.keySet());
        }
        return g;
    }

    public ClusterNode node(String name) {
        ClusterNode n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name + " in " + nodes.keySet());
        }
        return n;
    }

    public List<ClusterNode> nodes() {
        return new ArrayList<>(nodes.values());
    }

    /** Registers another node (a controller, a proxy) under its name; {@link #close()} closes it. */
    public void add(ClusterNode node) {
        if (nodes.putIfAbsent(node.name(), node) != null) {
            throw new IllegalArgumentException("duplicate node name " + node.name());
        }
    }

    /** Stops every node, the most recently added first. */
    @Override
    public void close() {
        List<ClusterNode> all = new ArrayList<>(nodes.values());
        Collections.reverse(all);
        for (ClusterNode n : all) {
            try {
                n.close();
            } catch (RuntimeException e) {
                System.err.println("closing " + n.name() + ": " + e);
            }
        }
    }

    /** Collects the shape of the cluster; {@link #start()} launches the NameServers, then every group. */
    public static final class Builder {
        private final Path dir;
        private int namesrvCount = 1;
        private final Map<String, Integer> slavesPerGroup = new LinkedHashMap<>();
        private final List<String> brokerConfig = new ArrayList<>();
        private final List<String> namesrvConfig = new ArrayList<>();
        private final Map<String, List<String>> nodeConfig = new LinkedHashMap<>();
        private Function<String, LaunchOptions> launch = name -> LaunchOptions.local();

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder namesrvs(int count) {
            this.namesrvCount = count;
            return this;
        }

        /** A broker group {@code brokerName} with a master (brokerId 0) and {@code slaves} slaves. */
        public Builder brokerGroup(String brokerName, int slaves) {
            slavesPerGroup.put(brokerName, slaves);
            return this;
        }

        /** {@code key=value} lines for every broker (masters and slaves). */
        public Builder brokerConfig(String... lines) {
            Collections.addAll(brokerConfig, lines);
            return this;
        }

        /** {@code key=value} lines for every NameServer. */
        public Builder namesrvConfig(String... lines) {
            Collections.addAll(namesrvConfig, lines);
            return this;
        }

        /** {@code key=value} lines for one node only, applied after the shared ones. */
        public Builder nodeConfig(String nodeName, String... lines) {
            nodeConfig.computeIfAbsent(nodeName, k -> new ArrayList<>()).addAll(java.util.Arrays.asList(lines));
            return this;
        }

        /** Per node name, how its JVM is launched (hook for network namespaces and limits). */
        public Builder launch(Function<String, LaunchOptions> perNode) {
            this.launch = perNode;
            return this;
        }

        public ChaosCluster start() {
            List<NamesrvProcess> namesrvs = new ArrayList<>();
            Map<String, List<BrokerProcess>> groups = new LinkedHashMap<>();
            try {
                for (int i = 0; i < namesrvCount; i++) {
                    String name = "namesrv-" + i;
                    List<String> conf = new ArrayList<>(namesrvConfig);
                    conf.addAll(nodeConfig.getOrDefault(name, Collections.emptyList()));
                    namesrvs.add(NamesrvProcess.start(name, dir.resolve(name), launch.apply(name),
                        conf.toArray(new String[0])));
                }
                String namesrvAddr = namesrvs.stream().map(NamesrvProcess::address).collect(Collectors.joining(";"));
                for (Map.Entry<String, Integer> g : slavesPerGroup.entrySet()) {
                    List<BrokerProcess> members = new ArrayList<>();
                    groups.put(g.getKey(), members);
                    boolean hasSlaves = g.getValue() > 0;
                    for (int id = 0; id <= g.getValue(); id++) {
                        String name = g.getKey() + (id == 0 ? "-master" : "-slave-" + id);
                        List<String> conf = new ArrayList<>(brokerConfig);
                        conf.add("brokerId=" + id);
                        if (id > 0) {
                            conf.add("brokerRole=SLAVE");
                        } else if (hasSlaves && brokerConfig.stream().noneMatch(l -> l.startsWith("brokerRole="))) {
                            conf.add("brokerRole=ASYNC_MASTER");
                        }
                        conf.addAll(nodeConfig.getOrDefault(name, Collections.emptyList()));
                        members.add(BrokerProcess.start(name, dir.resolve(name), namesrvAddr, g.getKey(),
                            launch.apply(name), conf.toArray(new String[0])));
                    }
                }
                return new ChaosCluster(namesrvs, groups);
            } catch (RuntimeException e) {
                groups.values().forEach(g -> g.forEach(BrokerProcess::close));
                namesrvs.forEach(NamesrvProcess::close);
                throw e;
            }
        }
    }
}
