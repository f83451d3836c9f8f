/** Heartbeat bodies: client ids, producer and consumer groups, subscriptions (public API names of RocketMQ 4.9). */
package org.mercurymq.common.protocol.heartbeat;
