/** Helpers for writing client-supplied text to the daemons' logs safely. */
package org.mercurymq.common.logging;
