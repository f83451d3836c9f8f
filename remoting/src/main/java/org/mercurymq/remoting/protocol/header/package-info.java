/** Typed request and response headers of the broker data path and admin codes; field names are the wire keys. */
package org.mercurymq.remoting.protocol.header;
