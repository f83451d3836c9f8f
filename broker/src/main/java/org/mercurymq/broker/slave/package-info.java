/** What a SLAVE broker does besides replicating the commit log: copying the master's metadata. */
package org.mercurymq.broker.slave;
