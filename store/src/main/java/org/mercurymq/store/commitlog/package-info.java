/** The commit log: record encoding, appends, record parsing, and the flush and commit services. */
package org.mercurymq.store.commitlog;
