/**
 * Broker statistics (docs/statistics.md): {@link org.mercurymq.broker.stats.BrokerStatsManager}'s named
 * counters with minute/hour/day windows (VIEW_BROKER_STATS_DATA, consume TPS) and the day totals of the
 * runtime info ({@link org.mercurymq.broker.stats.BrokerStats}).
 */
package org.mercurymq.broker.stats;
