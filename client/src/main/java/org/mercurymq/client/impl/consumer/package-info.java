/**
 * The consumer engines: rebalance, per-queue process state and flow control, the push pull loop,
 * concurrent and orderly consume services, lite pull chains, start offsets.
 */
package org.mercurymq.client.impl.consumer;
