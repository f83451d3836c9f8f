/**
 * Mechanical checks of the client's public API against the official Apache RocketMQ 4.9.7 jars: every class,
 * constructor, method and public field an application uses exists under {@code org.mercurymq} with the same
 * signature once {@code org.apache.rocketmq} is replaced by {@code org.mercurymq} (see docs/client.md).
 */
package org.mercurymq.test.api;
