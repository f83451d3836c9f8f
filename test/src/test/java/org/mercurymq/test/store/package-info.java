/** Store compatibility with Apache RocketMQ 4.9.7's DefaultMessageStore, both directions. */
package org.mercurymq.test.store;
