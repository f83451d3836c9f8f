package org.mercurymq.client.consumer.listener;

/** Marker of the two listener kinds: {@link MessageListenerConcurrently} and {@link MessageListenerOrderly}. */
public interface MessageListener {
}
