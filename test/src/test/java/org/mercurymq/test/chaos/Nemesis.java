package org.mercurymq.test.chaos;

import java.util.HashMap;
import java.util.Map;
import org.mercurymq.test.harness.ClusterNode;

/**
 * Injects process faults into cluster nodes and records each in the {@link History}: the fault when it is
 * injected, its healing when the node is back (restart: after the boot line). Kinds: {@code kill9},
 * {@code power-cut}, {@code pause}. Other fault sources (partitions, disk errors) record through
 * {@link History#recordFault} with their own kind. Not thread-safe: one fault thread drives a node (two
 * threads may restart two different nodes).
 */
public final class Nemesis {
    public static final String KILL9 = "kill9";
    public static final String POWER_CUT = "power-cut";
    public static final String PAUSE = "pause";

    private final History history;
    private final Map<String, String> down = new HashMap<>();

    public Nemesis(History history) {
        this.history = history;
    }

    public void kill9(ClusterNode node) {
        history.recordFault(KILL9, node.name(), true);
        node.kill9();
        synchronized (down) {
            down.put(node.name(), KILL9);
        }
    }

    /** kill -9, then the node's disk loses whatever was not on the device ({@link PowerCutDisk#cut()}). */
    public void powerCut(ClusterNode node, PowerCutDisk disk) {
        history.recordFault(POWER_CUT, node.name(), true);
        node.kill9();
        disk.cut();
        synchronized (down) {
            down.put(node.name(), POWER_CUT);
        }
    }

    /** Restarts a killed node; the healing of its fault is recorded once it has booted. */
    public void restart(ClusterNode node) {
        node.restart();
        String kind;
        synchronized (down) {
            kind = down.remove(node.name());
        }
        history.recordFault(kind == null ? KILL9 : kind, node.name(), false);
    }

    public void pause(ClusterNode node) {
        history.recordFault(PAUSE, node.name(), true);
        node.pause();
    }

    public void resume(ClusterNode node) {
        node.resume();
        history.recordFault(PAUSE, node.name(), false);
    }
}
