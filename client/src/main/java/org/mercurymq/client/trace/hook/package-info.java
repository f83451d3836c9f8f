/**
 * The send, consume and end-transaction hooks a traced producer or consumer registers; each turns a hook call
 * into a {@link org.mercurymq.client.trace.TraceContext} for its {@link org.mercurymq.client.trace.TraceDispatcher}.
 */
package org.mercurymq.client.trace.hook;
