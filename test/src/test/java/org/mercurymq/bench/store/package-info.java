/** JMH benchmarks: Mercury's store side by side with Apache RocketMQ 4.9.7's DefaultMessageStore. */
package org.mercurymq.bench.store;
