/**
 * Client-side plain ACL: {@link org.mercurymq.acl.common.AclClientRPCHook} signs every request with
 * {@link org.mercurymq.acl.common.SessionCredentials} (same names and behaviour as RocketMQ 4.9.x;
 * docs/security.md).
 */
package org.mercurymq.acl.common;
