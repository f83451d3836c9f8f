/**
 * The leader's decisions: validates requests against the replicated table and local liveness, chooses election
 * winners, and submits the resulting events through the consensus log (docs/controller.md).
 */
package org.mercurymq.controller.manager;
