/**
 * Checks on the repository's documentation itself: every {@code docs/...} path that code, scripts and docs cite
 * names a file that exists, protocol-reference sections cited by number exist, nothing cites notes kept outside
 * the repository, and generated documentation (docs/configuration.md) matches the code it is generated from.
 */
package org.mercurymq.test.docs;
