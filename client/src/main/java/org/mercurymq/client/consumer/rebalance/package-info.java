/** The standard queue allocation strategies of a consumer group (averagely is the default). */
package org.mercurymq.client.consumer.rebalance;
