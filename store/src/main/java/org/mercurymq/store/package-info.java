/**
 * The message store: {@link org.mercurymq.store.MessageStore} and its implementation
 * {@link org.mercurymq.store.DefaultMessageStore}, the typed configuration, put/get result types and the
 * read path. The on-disk formats are documented in {@code docs/store.md}.
 */
package org.mercurymq.store;
