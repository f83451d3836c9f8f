package org.mercurymq.test.chaos;

import org.mercurymq.test.harness.ClusterNode;

/**
 * Injects process faults into cluster nodes and records each in the {@link History}: the fault when it is
 * injected, its healing when the node is back (restart: after the boot line). Kinds: {@code kill9},
 * {@code pause}. Other fault sources (partitions, power cuts) record through {@link History#recordFault}
 * with their own kind. Not thread-safe: one fault thread drives it.
 */
public final class Nemesis {
    public static final String KILL9 = "kill9";
    public static final String PAUSE = "pause";

    private final History history;

    public Nemesis(History history) {
        this.history = history;
    }

    public void kill9(ClusterNode node) {
        history.recordFault(KILL9, node.name(), true);
        node.kill9();
    }

    /** Restarts a killed node; the healing is recorded once it has booted. */
    public void restart(ClusterNode node) {
        node.restart();
        history.recordFault(KILL9, node.name(), false);
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
