package org.mercurymq.test.chaos.net;

import java.util.List;
import org.mercurymq.test.harness.LaunchOptions;

/**
 * One host of a {@link NetworkLab}: a network namespace with one veth leg on the lab's bridge and one IPv4
 * address, or the lab's host side (the test JVM's own namespace, {@code namespace == null}). Immutable.
 */
public record NetNode(String name, String namespace, String address, String hostVeth, String nodeVeth) {

    /** True for the test JVM's own side of the bridge. */
    public boolean isHost() {
        return namespace == null;
    }

    /**
     * Prefix that runs a command inside this node's namespace. {@code ip netns exec} enters the namespace and
     * then execs the command, so the started process keeps the PID the caller sees (kill by PID still works).
     */
    public List<String> launchPrefix() {
        return isHost() ? List.of() : List.of("ip", "netns", "exec", namespace);
    }

    /** Launch options for a daemon on this node: run in its namespace, bind to and advertise its address. */
    public LaunchOptions launchOptions() {
        return LaunchOptions.local().withCommandPrefix(launchPrefix().toArray(new String[0])).withHost(address);
    }

    /** {@code address:port}. */
    public String endpoint(int port) {
        return address + ":" + port;
    }
}
