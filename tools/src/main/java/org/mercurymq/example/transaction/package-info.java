/**
 * Transactional messages, ported from RocketMQ 4.x's transaction example: {@code TransactionProducer} sends ten
 * messages in transactions whose local outcome is decided later by {@code TransactionListenerImpl}, so the broker
 * resolves them by checking back (docs/client.md "Transactional producer").
 */
package org.mercurymq.example.transaction;
