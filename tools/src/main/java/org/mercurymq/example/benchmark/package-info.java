/** Producer and consumer benchmarks printing TPS and latency percentiles (like RocketMQ's benchmark tools). */
package org.mercurymq.example.benchmark;
