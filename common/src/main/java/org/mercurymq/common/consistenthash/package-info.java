/** Consistent hashing: the hash function applications may plug into the consistent-hash queue allocation. */
package org.mercurymq.common.consistenthash;
