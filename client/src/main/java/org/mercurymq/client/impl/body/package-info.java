/**
 * Request/reply bodies the client needs that the remoting module does not (yet) provide: queue locks,
 * consumer lists, offset reset, consumer status and running info, direct consumption.
 */
package org.mercurymq.client.impl.body;
