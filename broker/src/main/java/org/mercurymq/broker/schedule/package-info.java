/** Delivery of delayed and retried messages. */
package org.mercurymq.broker.schedule;
