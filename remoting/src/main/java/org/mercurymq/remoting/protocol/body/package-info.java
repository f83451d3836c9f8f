/** Request and reply bodies (JSON, or the compressed register form) of the name-server commands. */
package org.mercurymq.remoting.protocol.body;
