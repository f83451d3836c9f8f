/** Master/slave commit-log replication over a raw TCP channel (behaviour.md section 11). */
package org.mercurymq.store.ha;
