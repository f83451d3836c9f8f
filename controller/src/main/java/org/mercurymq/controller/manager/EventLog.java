package org.mercurymq.controller.manager;

import java.util.concurrent.CompletableFuture;
import org.mercurymq.controller.state.ApplyResult;
import org.mercurymq.controller.state.ControllerEvent;
import org.mercurymq.controller.state.ReplicaTable;

/**
 * The replicated log the controller's decisions go through: events submitted on the leader are applied to the
 * {@link ReplicaTable} of every peer in the same order. Implemented on Apache Ratis; tests use an in-memory one.
 */
public interface EventLog {

    /** Replicates the event and completes with the result of applying it (exceptionally if not committed). */
    CompletableFuture<ApplyResult> submit(ControllerEvent event);

    /** True if this peer is the leader and has applied every entry of earlier terms (safe to decide). */
    boolean isLeader();

    /** This peer's id. */
    String selfId();

    /** The current leader's id, or null when none is known. */
    String leaderId();

    /** All peers as {@code id-host:port;...}. */
    String peers();

    /** The table as applied on this peer. */
    ReplicaTable table();
}
