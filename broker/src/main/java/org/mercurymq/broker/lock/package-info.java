/** Queue locks of orderly consumers. */
package org.mercurymq.broker.lock;
