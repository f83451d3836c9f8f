package org.mercurymq.test.chaos.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentest4j.TestAbortedException;

/**
 * A small network on this machine: a bridge {@code <prefix>br} holding {@code <subnet>.1} for the test JVM
 * (the {@link #host()} node), and one network namespace per {@link #addNode node}, joined to the bridge by a
 * veth pair and given {@code <subnet>.N}. All names carry a prefix unique to this lab ({@code mqn} + 4 hex
 * digits), the subnet is a free {@code 10.231.X.0/24}; nothing outside the lab's own namespaces and links is
 * touched except blackhole routes for the lab's own addresses in the host's table.
 *
 * <p>Faults:
 * <ul>
 *   <li>{@link #partition} cuts two nodes apart in both directions with blackhole routes on each side
 *   (iproute2 only, no firewall tool needed): packets of established connections vanish silently (the TCP peer
 *   sees only silence until its own timeouts fire); a new connect() across the cut fails at once with
 *   "Invalid argument", as it would behind a router answering "unreachable".</li>
 *   <li>{@link #impair} degrades a node's link: with the kernel's netem qdisc, loss and delay on both directions;
 *   without netem, loss only, through an nftables {@code numgen random} drop rule in the node's namespace
 *   (needs the {@code nft} tool, Debian package {@code nftables}). {@link #impairmentUnsupported} says why a
 *   given impairment cannot be made here.</li>
 * </ul>
 * {@link #close()} removes everything (also after a failed test); a lab whose JVM was killed is removed by the
 * next lab's creation. Not thread-safe: one test owns a lab.
 */
public final class NetworkLab implements AutoCloseable {
    private static volatile String probeFailure;
    private static volatile boolean probed;

    private final LabRegistry registry;
    private final LabRegistry.Lease lease;
    private final NetNode host;
    private final Map<String, NetNode> nodes = new LinkedHashMap<>();
    private final Set<String> cuts = new LinkedHashSet<>();
    private Boolean netem;
    private boolean closed;

    private NetworkLab(LabRegistry registry, LabRegistry.Lease lease) {
        this.registry = registry;
        this.lease = lease;
        this.host = new NetNode("host", null, lease.subnet() + ".1", bridge(), null);
    }

    /**
     * Creates a lab, or aborts the calling test (a JUnit assumption) after printing why labs cannot be made
     * here: not Linux, not root, no {@code ip} tool, or the kernel refused a namespace, veth or bridge.
     */
    public static NetworkLab createOrSkip() {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            String msg = "network lab unavailable, skipping: " + reason.get();
            System.out.println("[netlab] " + msg);
            throw new TestAbortedException(msg);
        }
        return create();
    }

    /** Why labs cannot be made on this machine, or empty; the real probe runs once per JVM. */
    public static synchronized Optional<String> unavailableReason() {
        if (!probed) {
            probeFailure = probe();
            probed = true;
        }
        return Optional.ofNullable(probeFailure);
    }

    private static String probe() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return "not Linux (" + System.getProperty("os.name") + ")";
        }
        if (!Shell.onPath("ip")) {
            return "the 'ip' tool (Debian package iproute2) is not installed";
        }
        String uid = Shell.tryRunOutput("id", "-u").strip();
        if (!uid.equals("0")) {
            return "network namespaces need root; running as uid " + (uid.isEmpty() ? "?" : uid);
        }
        try (NetworkLab lab = create()) {
            lab.addNode("probe");
            return null;
        } catch (RuntimeException e) {
            return "cannot build a namespace, veth pair and bridge: " + e.getMessage();
        }
    }

    /** Creates the bridge of a new lab; throws if that fails (see {@link #createOrSkip()}). */
    public static NetworkLab create() {
        LabRegistry registry = LabRegistry.standard();
        LabRegistry.Lease lease = registry.claim();
        NetworkLab lab = new NetworkLab(registry, lease);
        try {
            Shell.run("ip", "link", "add", lab.bridge(), "type", "bridge");
            Shell.run("ip", "addr", "add", lab.host.address() + "/24", "dev", lab.bridge());
            Shell.run("ip", "link", "set", lab.bridge(), "up");
            System.out.println("[netlab] lab " + lease.prefix() + " up on " + lease.subnet() + ".0/24");
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    public String prefix() {
        return lease.prefix();
    }

    /** The test JVM's side of the bridge. */
    public NetNode host() {
        return host;
    }

    /** Adds a namespace {@code <prefix>-<name>} with address {@code <subnet>.(n+1)} for the n-th node. */
    public NetNode addNode(String name) {
        if (nodes.containsKey(name) || name.equals("host")) {
            throw new IllegalArgumentException("node " + name + " exists");
        }
        int n = nodes.size() + 1;
        if (n > 200) {
            throw new IllegalStateException("too many nodes");
        }
        NetNode node = new NetNode(name, prefix() + "-" + name, lease.subnet() + "." + (n + 1),
            prefix() + "h" + n, prefix() + "n" + n);
        nodes.put(name, node);
        String ns = node.namespace();
        Shell.run("ip", "netns", "add", ns);
        Shell.run("ip", "link", "add", node.hostVeth(), "type", "veth", "peer", "name", node.nodeVeth());
        Shell.run("ip", "link", "set", node.nodeVeth(), "netns", ns);
        Shell.run("ip", "link", "set", node.hostVeth(), "master", bridge());
        Shell.run("ip", "link", "set", node.hostVeth(), "up");
        Shell.run("ip", "-n", ns, "addr", "add", node.address() + "/24", "dev", node.nodeVeth());
        Shell.run("ip", "-n", ns, "link", "set", node.nodeVeth(), "up");
        Shell.run("ip", "-n", ns, "link", "set", "lo", "up");
        return node;
    }

    public NetNode node(String name) {
        NetNode n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no node " + name);
        }
        return n;
    }

    /** Cuts a and b apart in both directions; idempotent. */
    public void partition(NetNode a, NetNode b) {
        if (cuts.add(cutKey(a, b))) {
            blackhole(a, b.address(), "add");
            blackhole(b, a.address(), "add");
            System.out.println("[netlab] partition " + a.name() + " (" + a.address() + ") | " + b.name() + " ("
                + b.address() + ")");
        }
    }

    /** Undoes {@link #partition}; idempotent. */
    public void heal(NetNode a, NetNode b) {
        if (cuts.remove(cutKey(a, b))) {
            blackhole(a, b.address(), "del");
            blackhole(b, a.address(), "del");
            System.out.println("[netlab] healed " + a.name() + " | " + b.name());
        }
    }

    /** Whether a and b are currently cut apart by {@link #partition}. */
    public boolean isPartitioned(NetNode a, NetNode b) {
        return cuts.contains(cutKey(a, b));
    }

    private static String cutKey(NetNode a, NetNode b) {
        return a.address().compareTo(b.address()) < 0 ? a.address() + "|" + b.address() : b.address() + "|"
            + a.address();
    }

    private static void blackhole(NetNode on, String target, String op) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        if (!on.isHost()) {
            cmd.addAll(List.of("-n", on.namespace()));
        }
        cmd.addAll(List.of("route", op, "blackhole", target + "/32"));
        Shell.run(cmd.toArray(new String[0]));
    }

    /** Why {@link #impair} with these figures cannot be done on this machine, or empty. */
    public Optional<String> impairmentUnsupported(int lossPercent, int delayMillis) {
        if (netemAvailable()) {
            return Optional.empty();
        }
        if (delayMillis > 0) {
            return Optional.of("delay needs the kernel's netem qdisc (sch_netem), which this kernel ("
                + Shell.tryRunOutput("uname", "-r").strip() + ") does not have");
        }
        if (lossPercent > 0 && !Shell.onPath("nft")) {
            return Optional.of("loss without netem needs the 'nft' tool (Debian package nftables)");
        }
        return Optional.empty();
    }

    /**
     * Makes the node's link lose {@code lossPercent} % of the packets in each direction and delay them by
     * {@code delayMillis}; replaces an earlier impairment. Throws if {@link #impairmentUnsupported} says so.
     */
    public void impair(NetNode node, int lossPercent, int delayMillis) {
        if (node.isHost()) {
            throw new IllegalArgumentException("impair a namespace node, not the host");
        }
        impairmentUnsupported(lossPercent, delayMillis).ifPresent(r -> {
            throw new IllegalStateException(r);
        });
        clearImpairment(node);
        if (netemAvailable()) {
            String[] netem = {"netem", "loss", lossPercent + "%", "delay", delayMillis + "ms"};
            Shell.run(concat(new String[] {"ip", "netns", "exec", node.namespace(), "tc", "qdisc", "replace", "dev",
                node.nodeVeth(), "root"}, netem));
            Shell.run(concat(new String[] {"tc", "qdisc", "replace", "dev", node.hostVeth(), "root"}, netem));
        } else {
            String rule = "numgen random mod 100 < " + lossPercent + " drop";
            Shell.run("ip", "netns", "exec", node.namespace(), "nft", "add table inet mqnloss; "
                + "add chain inet mqnloss in { type filter hook input priority 0; }; "
                + "add chain inet mqnloss out { type filter hook output priority 0; }; "
                + "add rule inet mqnloss in iifname " + node.nodeVeth() + " " + rule + "; "
                + "add rule inet mqnloss out oifname " + node.nodeVeth() + " " + rule);
        }
        System.out.println("[netlab] impaired " + node.name() + ": loss " + lossPercent + " % each way, delay "
            + delayMillis + " ms" + (netemAvailable() ? " (netem)" : " (nftables numgen)"));
    }

    /** Removes an impairment from the node's link; no-op without one. */
    public void clearImpairment(NetNode node) {
        Shell.tryRun("ip", "netns", "exec", node.namespace(), "tc", "qdisc", "del", "dev", node.nodeVeth(), "root");
        Shell.tryRun("tc", "qdisc", "del", "dev", node.hostVeth(), "root");
        if (Shell.onPath("nft")) {
            Shell.tryRun("ip", "netns", "exec", node.namespace(), "nft", "delete", "table", "inet", "mqnloss");
        }
    }

    private boolean netemAvailable() {
        if (netem == null) {
            netem = Shell.tryRun("tc", "qdisc", "add", "dev", bridge(), "root", "netem", "delay", "0ms");
            if (netem) {
                Shell.tryRun("tc", "qdisc", "del", "dev", bridge(), "root");
            }
        }
        return netem;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private String bridge() {
        return lease.prefix() + "br";
    }

    /** Removes the lab's namespaces, links and routes, killing processes still inside its namespaces. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<String> left = LabTeardown.remove(lease.prefix(), lease.subnet());
        if (left.isEmpty()) {
            registry.release(lease);
        } else {
            // the record stays, so the next lab's creation retries the removal once this JVM is gone
            throw new IllegalStateException("lab " + lease.prefix() + " left behind " + left);
        }
    }
}
