/**
 * Mercury's RocketMQ 4.9.x client: the public API has RocketMQ's package suffixes, class and method
 * names under {@code org.mercurymq}. This package holds the settings every client shares
 * ({@link org.mercurymq.client.ClientConfig}), the admin operations ({@link org.mercurymq.client.MQAdmin})
 * and the input checks ({@link org.mercurymq.client.Validators}).
 */
package org.mercurymq.client;
