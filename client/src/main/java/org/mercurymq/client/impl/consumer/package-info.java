/**
 * The consumer engines: rebalance, per-queue process state and flow control, the push pull loop,
 * concurrent and orderly consume services, lite pull chains, start offsets, consume hooks.
 */
package org.mercurymq.client.impl.consumer;
