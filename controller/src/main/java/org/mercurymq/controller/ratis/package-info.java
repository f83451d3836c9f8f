/**
 * The controller's consensus on Apache Ratis: a Raft server with Netty transport whose state machine applies
 * controller events to the replica table, and the peer list parsing (docs/controller.md).
 */
package org.mercurymq.controller.ratis;
