/** Consumer group settings a broker keeps (subscriptionGroup.json), in RocketMQ's public-API package shape. */
package org.mercurymq.common.subscription;
