/** Remoting API: server and client interfaces, processors, hooks and connection events. */
package org.mercurymq.remoting;
