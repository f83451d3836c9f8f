/**
 * TLS end to end (docs/security.md): the official 4.9.7 client against enforcing and permissive Mercury
 * daemons, Mercury's client against an Apache 4.9.7 cluster in TLS mode, and a secured (ACL + TLS)
 * master/slave pair. Certificates are generated at run time; no private key is committed.
 */
package org.mercurymq.test.tls;
