/** SQL92 filtering compared with Apache RocketMQ 4.9.7: the parser as an oracle, and end to end through brokers. */
package org.mercurymq.test.filter;
