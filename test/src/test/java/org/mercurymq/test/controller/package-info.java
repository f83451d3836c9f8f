/** The controller (docs/controller.md) as separate processes: a 3-peer Raft group, leader loss, broker failover. */
package org.mercurymq.test.controller;
