/** Name-server request and reply headers (docs/protocol/headers.md §6); field names are the wire keys. Mutable beans, one per command. */
package org.mercurymq.remoting.protocol.header.namesrv;
