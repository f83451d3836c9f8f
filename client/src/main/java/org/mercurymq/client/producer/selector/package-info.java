/** Ready-made {@code MessageQueueSelector}s: by hash of the key, random, by machine room. */
package org.mercurymq.client.producer.selector;
