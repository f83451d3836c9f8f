/** Master/slave replication across child-JVM brokers with the official 4.9.7 client. */
package org.mercurymq.test.ha;
