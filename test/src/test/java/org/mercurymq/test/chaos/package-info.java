/**
 * Mercury's fault-injection suite in the spirit of OpenChaos and Jepsen (docs/reliability.md).
 *
 * <pre>
 *   ChaosCluster ── NameServers + broker groups (master, slaves) as child JVMs (harness.ClusterNode)
 *        ▲
 *   Nemesis ─────── kill -9 / SIGSTOP / SIGCONT / restart / power cut, each recorded as a FaultEvent
 *        │
 *   ProducerWorkload / ConsumerWorkload ── official 4.9.7 clients; every send outcome and every delivery
 *        │                                  goes to the History (thread-safe, dumpable to target/)
 *        ▼
 *   LostChecker, DuplicateChecker, OrderChecker, UnavailabilityChecker, RecoveryChecker ──► ChaosReport
 *        (one line per run, one Markdown row appended to target/chaos-results.md)
 * </pre>
 *
 * The backlog test (BacklogTest with BacklogProducers, GroupTracker, SendLog, CgroupSampler) tracks its
 * 4 KiB messages by sequence number in bit sets instead of the History, and runs the broker in a
 * harness.MemoryCgroup.
 *
 * Tests tagged {@code chaos} are the long runs ({@code mvn -B -ntp -Pchaos verify}); each has a short
 * default-suite smoke variant.
 */
package org.mercurymq.test.chaos;
