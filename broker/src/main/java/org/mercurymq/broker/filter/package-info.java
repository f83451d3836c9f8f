/** Message filtering for pulls. */
package org.mercurymq.broker.filter;
