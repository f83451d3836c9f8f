/** Client exceptions with RocketMQ 4.9's public names: client-side failures and broker error replies. */
package org.mercurymq.client.exception;
