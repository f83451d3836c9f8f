/** Plain ACL: the official 4.9.7 client with AclClientRPCHook against Mercury and Apache brokers (docs/security.md). */
package org.mercurymq.test.acl;
