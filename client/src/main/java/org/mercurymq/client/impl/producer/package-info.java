/** The producer engine: publish queue lists, request building (ids, compression), the send and retry loop, request/reply. */
package org.mercurymq.client.impl.producer;
