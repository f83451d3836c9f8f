/** JMH benchmark of the broker statistics' put-path counting (docs/benchmarks.md). */
package org.mercurymq.bench.stats;
