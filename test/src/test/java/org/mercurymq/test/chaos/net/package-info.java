/**
 * Network faults for the fault-injection suite: {@link org.mercurymq.test.chaos.net.NetworkLab} builds Linux
 * network namespaces joined by veth pairs on a bridge, cuts and heals links between named nodes and degrades a
 * node's link (loss, delay); child JVMs run inside a node's namespace. Everything it makes carries the run's
 * unique prefix and is removed on close, and stale leftovers of killed runs are removed at the next start.
 * docs/reliability.md ("Network partitions") describes the faults and what they need.
 */
package org.mercurymq.test.chaos.net;
