/**
 * The controller's replicated data: per broker group the replicas, SyncStateSet, master and epochs
 * ({@link org.mercurymq.controller.state.ReplicaTable}), and the events that change it. Applying an event is
 * deterministic (no clock, no liveness), so every Raft peer reaches the same table (docs/controller.md).
 */
package org.mercurymq.controller.state;
