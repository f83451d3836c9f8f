/** Broker-level message counters and rates. */
package org.mercurymq.broker.stats;
