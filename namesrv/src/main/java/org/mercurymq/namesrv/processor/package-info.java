/** Request processors of the name server, grouped by the executor they run on. */
package org.mercurymq.namesrv.processor;
