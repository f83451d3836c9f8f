/** Consume queues: per (topic, queueId) arrays of 20-byte entries pointing into the commit log. */
package org.mercurymq.store.queue;
