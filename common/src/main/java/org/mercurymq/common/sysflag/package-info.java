/** Bit flags carried in messages, pull requests, topics and subscriptions (RocketMQ 4.9.x values). */
package org.mercurymq.common.sysflag;
