/**
 * Checks on the repository's documentation itself: every {@code docs/...} path that code, scripts and docs cite
 * names a file that exists, protocol-reference sections cited by number exist, and nothing cites notes kept outside
 * the repository.
 */
package org.mercurymq.test.docs;
