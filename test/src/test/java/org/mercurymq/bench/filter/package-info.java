/** JMH: pull throughput through the store with tag and SQL92 filters (docs/benchmarks.md). */
package org.mercurymq.bench.filter;
