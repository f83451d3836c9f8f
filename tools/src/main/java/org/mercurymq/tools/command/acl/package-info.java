/** The ACL commands of mqadmin (updateAclConfig, deleteAclConfig, ...): edit and show brokers' plain ACL, docs/security.md. */
package org.mercurymq.tools.command.acl;
