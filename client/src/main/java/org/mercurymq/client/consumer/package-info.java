/**
 * Consumers: the push consumer (listener driven), the lite pull consumer (poll driven) and the older
 * pull consumer, with pull results, selectors, allocation and queue-change callbacks.
 */
package org.mercurymq.client.consumer;
