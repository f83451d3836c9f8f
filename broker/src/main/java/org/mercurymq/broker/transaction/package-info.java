/** Half messages, commit/rollback records and the transaction check loop. */
package org.mercurymq.broker.transaction;
