/** Producers: {@code DefaultMQProducer}, send results and callbacks, queue selectors, request/reply futures. */
package org.mercurymq.client.producer;
