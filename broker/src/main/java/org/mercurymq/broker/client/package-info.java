/** Producer and consumer registrations from heartbeats, and calls from the broker to its clients. */
package org.mercurymq.broker.client;
