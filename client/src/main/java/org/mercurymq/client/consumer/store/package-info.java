/** Consume offset stores: on the broker (clustering) or in a local file (broadcasting). */
package org.mercurymq.client.consumer.store;
