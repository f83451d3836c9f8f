/** Calls from the broker to the name servers (registration). */
package org.mercurymq.broker.out;
