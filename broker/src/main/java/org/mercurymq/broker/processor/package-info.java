/** Request processors, one per area, routed by request code. */
package org.mercurymq.broker.processor;
