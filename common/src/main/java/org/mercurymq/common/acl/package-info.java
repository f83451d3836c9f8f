/** Request signing shared by the client's ACL hook and the broker's ACL check (docs/security.md). */
package org.mercurymq.common.acl;
