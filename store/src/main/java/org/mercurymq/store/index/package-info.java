/** The key index: hash-slot files mapping topic#key to commit-log offsets, for QUERY_MESSAGE. */
package org.mercurymq.store.index;
