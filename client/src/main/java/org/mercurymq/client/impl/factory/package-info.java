/**
 * The client instance shared by producers and consumers of one client id (routes, heartbeats, periodic duties, the
 * pull and rebalance threads, admin calls, broker-to-client requests) and the process-wide registry of instances. It
 * sees producers and consumers only through the interfaces declared here ({@code MQConsumerInner},
 * {@code RegisteredProducer}, {@code ProducerServices}), never the engines (layers: docs/client.md).
 */
package org.mercurymq.client.impl.factory;
