/**
 * The statistics commands of mqadmin (docs/statistics.md): statsAll, brokerConsumeStats, producer,
 * consumerStatus, startMonitoring and exportMetrics, with RocketMQ 4.9.7's names, options and layouts.
 */
package org.mercurymq.tools.command.stats;
