/**
 * Hostile-input fault runs (docs/reliability.md, "Hostile input"): a generator of hostile frames and the
 * runs that throw them at a NameServer and a Broker in child JVMs while a well-behaved client is served.
 */
package org.mercurymq.test.hostile;
