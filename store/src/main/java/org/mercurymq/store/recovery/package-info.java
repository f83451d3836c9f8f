/** Start-up recovery: checkpoint, abort marker, store lock, and the scan that finds the end of valid data. */
package org.mercurymq.store.recovery;
