/** Retention: deleting expired commit-log segments, and consume-queue/index files below the min offset. */
package org.mercurymq.store.retention;
