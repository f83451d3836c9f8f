package org.mercurymq.test.chaos.net;

import org.mercurymq.test.chaos.History;

/**
 * Injects network faults through a {@link NetworkLab} and records each in the {@link History} under a kind
 * the test chooses (e.g. {@code partition-client-broker}): the fault just before it is applied, its healing just
 * after it is lifted, so the unavailability and recovery checkers measure from the real moments. Not
 * thread-safe: one fault thread drives it.
 */
public final class NetworkNemesis {
    private final History history;
    private final NetworkLab lab;

    public NetworkNemesis(History history, NetworkLab lab) {
        this.history = history;
        this.lab = lab;
    }

    public void partition(String kind, NetNode a, NetNode b) {
        history.recordFault(kind, a.name() + "|" + b.name(), true);
        lab.partition(a, b);
    }

    public void heal(String kind, NetNode a, NetNode b) {
        lab.heal(a, b);
        history.recordFault(kind, a.name() + "|" + b.name(), false);
    }

    public void impair(String kind, NetNode node, int lossPercent, int delayMillis) {
        history.recordFault(kind, node.name(), true);
        lab.impair(node, lossPercent, delayMillis);
    }

    public void clearImpairment(String kind, NetNode node) {
        lab.clearImpairment(node);
        history.recordFault(kind, node.name(), false);
    }
}
