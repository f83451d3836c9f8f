/** Memory-mapped segment files and the ordered queue of segments that forms one logical byte stream. */
package org.mercurymq.store.logfile;
