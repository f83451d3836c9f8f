/** The dispatcher ("reput"): turns new commit-log records into consume-queue and index entries. */
package org.mercurymq.store.dispatch;
