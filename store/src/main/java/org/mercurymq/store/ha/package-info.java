/** Master/slave commit-log replication over a raw TCP channel (docs/protocol/behaviour.md section 11). */
package org.mercurymq.store.ha;
