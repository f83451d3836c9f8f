/** Listener interfaces, their per-call contexts and result statuses (RocketMQ 4.9 public API). */
package org.mercurymq.client.consumer.listener;
