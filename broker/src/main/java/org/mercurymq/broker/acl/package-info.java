/**
 * Plain ACL on the broker (docs/security.md): {@link org.mercurymq.broker.acl.AclConfigLoader} reads
 * plain_acl.yml, {@link org.mercurymq.broker.acl.AclFileWatcher} reloads it,
 * {@link org.mercurymq.broker.acl.PlainAccessValidator} checks every request as an RPC hook in front
 * of the processors.
 */
package org.mercurymq.broker.acl;
