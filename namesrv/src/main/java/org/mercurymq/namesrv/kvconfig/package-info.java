/** The name server's persistent namespace → key → value configuration. */
package org.mercurymq.namesrv.kvconfig;
