/** Annotations marking typed header fields as required or optional. */
package org.mercurymq.remoting.annotation;
