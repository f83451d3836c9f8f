/**
 * Message trace (docs/client.md "Message trace"): producers and consumers created with {@code enableMsgTrace}
 * record what they send and consume as {@link org.mercurymq.client.trace.TraceContext}s; an
 * {@link org.mercurymq.client.trace.AsyncTraceDispatcher} batches them, encodes them with
 * {@link org.mercurymq.client.trace.TraceDataEncoder} in RocketMQ 4.9's text format and sends them, with the
 * traced message ids as keys, to {@code RMQ_SYS_TRACE_TOPIC} (or a customized topic) through its own producer.
 */
package org.mercurymq.client.trace;
