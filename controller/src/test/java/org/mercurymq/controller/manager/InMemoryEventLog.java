package org.mercurymq.controller.manager;

import java.util.concurrent.CompletableFuture;
import org.mercurymq.controller.state.ApplyResult;
import org.mercurymq.controller.state.ControllerEvent;
import org.mercurymq.controller.state.ReplicaTable;

/** A single-peer event log for tests: applies at once; leadership is switched by the test. */
final class InMemoryEventLog implements EventLog {
    private final ReplicaTable table = new ReplicaTable();
    volatile boolean leader = true;

    @Override
    public CompletableFuture<ApplyResult> submit(ControllerEvent event) {
        return CompletableFuture.completedFuture(table.apply(event));
    }

    @Override
    public boolean isLeader() {
        return leader;
    }

    @Override
    public String selfId() {
        return "n0";
    }

    @Override
    public String leaderId() {
        return leader ? "n0" : null;
    }

    @Override
    public String peers() {
        return "n0-127.0.0.1:1";
    }

    @Override
    public ReplicaTable table() {
        return table;
    }
}
