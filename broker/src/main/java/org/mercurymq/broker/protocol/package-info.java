/** Request headers the broker reads that the shared remoting module does not define (admin codes 308, 314, 317, 321). */
package org.mercurymq.broker.protocol;
