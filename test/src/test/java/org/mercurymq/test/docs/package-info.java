/** Checks that generated documentation (docs/configuration.md) matches the code it is generated from. */
package org.mercurymq.test.docs;
