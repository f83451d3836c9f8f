package org.mercurymq.test.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a child JVM is launched, beyond its main class and arguments: a command prefix (e.g.
 * {@code ip netns exec NS}, so a later test can put a node in a network namespace), the host address the
 * daemon binds to and advertises, and an open-file limit applied with {@code prlimit}. The prefix must
 * {@code exec} its command so the child's PID stays the JVM's PID (both {@code ip netns exec} and
 * {@code prlimit} do), and extra {@code -D} system properties (e.g. {@code tls.*}). Immutable.
 */
public final class LaunchOptions {
    private static final LaunchOptions LOCAL = new LaunchOptions(Collections.emptyList(), "127.0.0.1", 0, null,
        Collections.emptyMap());

    private final List<String> commandPrefix;
    private final String host;
    private final int maxOpenFiles;
    private final String heap;
    private final Map<String, String> sysProps;

    private LaunchOptions(List<String> commandPrefix, String host, int maxOpenFiles, String heap,
                          Map<String, String> sysProps) {
        this.sysProps = Collections.unmodifiableMap(new LinkedHashMap<>(sysProps));
        this.commandPrefix = Collections.unmodifiableList(new ArrayList<>(commandPrefix));
        this.host = host;
        this.maxOpenFiles = maxOpenFiles;
        this.heap = heap;
    }

    /** On loopback, no prefix, the test JVM's own file limit. */
    public static LaunchOptions local() {
        return LOCAL;
    }

    /** Words put before {@code java} on the command line, e.g. {@code "ip", "netns", "exec", "ns1"}. */
    public LaunchOptions withCommandPrefix(String... words) {
        List<String> prefix = new ArrayList<>();
        Collections.addAll(prefix, words);
        return new LaunchOptions(prefix, host, maxOpenFiles, heap, sysProps);
    }

    /** The address the daemon binds to and registers (brokerIP1 / bindAddress). */
    public LaunchOptions withHost(String address) {
        return new LaunchOptions(commandPrefix, address, maxOpenFiles, heap, sysProps);
    }

    /**
     * Raises (or lowers) RLIMIT_NOFILE of the child with {@code prlimit --nofile=N:N}; 0 inherits. Above
     * {@link #hardOpenFileLimit()} prlimit needs CAP_SYS_RESOURCE and fails otherwise.
     */
    public LaunchOptions withMaxOpenFiles(int limit) {
        return new LaunchOptions(commandPrefix, host, limit, heap, sysProps);
    }

    /** Overrides the daemon's default heap option, e.g. {@code -Xmx128m} inside a memory-limited cgroup. */
    public LaunchOptions withHeap(String heapOption) {
        return new LaunchOptions(commandPrefix, host, maxOpenFiles, heapOption, sysProps);
    }

    /** Adds {@code -D} system properties for the child JVM. */
    public LaunchOptions withSysProps(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(sysProps);
        all.putAll(more);
        return new LaunchOptions(commandPrefix, host, maxOpenFiles, heap, all);
    }

    public Map<String, String> sysProps() {
        return sysProps;
    }

    /** The heap option to use instead of the daemon's default, or {@code null}. */
    public String heap() {
        return heap;
    }

    /** This JVM's hard RLIMIT_NOFILE from /proc/self/limits (children inherit it); -1 if unknown. */
    public static long hardOpenFileLimit() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Paths.get("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String hard = line.trim().split("\\s+")[4];
                    return "unlimited".equals(hard) ? Long.MAX_VALUE : Long.parseLong(hard);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public List<String> commandPrefix() {
        return commandPrefix;
    }

    public String host() {
        return host;
    }

    public int maxOpenFiles() {
        return maxOpenFiles;
    }

    /** The words before the {@code java} executable. */
    List<String> launcherWords() {
        List<String> words = new ArrayList<>(commandPrefix);
        if (maxOpenFiles > 0) {
            words.add("prlimit");
            words.add("--nofile=" + maxOpenFiles + ":" + maxOpenFiles);
            words.add("--");
        }
        return words;
    }

    @Override
    public String toString() {
        return "LaunchOptions{prefix=" + commandPrefix + ", host=" + host + ", maxOpenFiles=" + maxOpenFiles + ", heap=" + heap + ", sysProps=" + sysProps + "}";
    }
}
