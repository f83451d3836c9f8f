/**
 * The producer engine: publish queue lists, request building (ids, compression), the send and retry loop,
 * request/reply, send hooks, and transactions (half send, END_TRANSACTION, check-back answers).
 */
package org.mercurymq.client.impl.producer;
