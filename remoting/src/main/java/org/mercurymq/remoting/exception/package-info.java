/** Checked exceptions of the remoting layer: connect, send, time-out, overload and bad commands. */
package org.mercurymq.remoting.exception;
