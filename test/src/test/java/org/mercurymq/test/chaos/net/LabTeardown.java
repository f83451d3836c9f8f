package org.mercurymq.test.chaos.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes everything one lab made, knowing only its name prefix and subnet: processes left in its
 * namespaces (started by that run), the namespaces (their nftables rules and qdiscs go with them), its links
 * (deleting one end of a veth pair deletes both; the bridge last) and the blackhole routes it added to the
 * host's table. Best effort: each step runs even if an earlier one failed. Used by close() and by the stale
 * cleanup of killed runs. Stateless.
 */
final class LabTeardown {
    private LabTeardown() {
    }

    /** Returns what could not be removed (empty when all went). */
    static List<String> remove(String prefix, String subnet) {
        List<String> left = new ArrayList<>();
        for (String ns : namespacesWithPrefix(prefix)) {
            for (String pid : Shell.tryRunOutput("ip", "netns", "pids", ns).split("\\s+")) {
                if (!pid.isBlank()) {
                    // a child JVM of this run still inside the namespace: it would keep the namespace alive
                    Shell.tryRun("kill", "-9", pid.strip());
                }
            }
            if (!Shell.tryRun("ip", "netns", "del", ns)) {
                left.add("namespace " + ns);
            }
        }
        for (String link : linksWithPrefix(prefix)) {
            if (!link.endsWith("br") && !Shell.tryRun("ip", "link", "del", link) && linkExists(link)) {
                left.add("link " + link);
            }
        }
        String bridge = prefix + "br";
        if (linkExists(bridge) && !Shell.tryRun("ip", "link", "del", bridge)) {
            left.add("link " + bridge);
        }
        for (String line : Shell.tryRunOutput("ip", "-4", "route", "show", "type", "blackhole").split("\n")) {
            String[] f = line.strip().split("\\s+");
            // lines look like "blackhole 10.231.7.3"
            if (f.length >= 2 && f[1].startsWith(subnet + ".")
                && !Shell.tryRun("ip", "route", "del", "blackhole", f[1])) {
                left.add("route blackhole " + f[1]);
            }
        }
        return left;
    }

    static List<String> namespacesWithPrefix(String prefix) {
        List<String> out = new ArrayList<>();
        for (String line : Shell.tryRunOutput("ip", "netns", "list").split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith(prefix + "-")) {
                out.add(name);
            }
        }
        return out;
    }

    static List<String> linksWithPrefix(String prefix) {
        List<String> out = new ArrayList<>();
        for (String line : Shell.tryRunOutput("ip", "-o", "link", "show").split("\n")) {
            // "7: mqn1a2bh1@if6: <BROADCAST,..."
            String[] f = line.split(":\\s+", 3);
            if (f.length >= 2) {
                String name = f[1].split("@")[0];
                if (name.startsWith(prefix)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static boolean linkExists(String link) {
        return Shell.tryRun("ip", "link", "show", "dev", link);
    }
}
