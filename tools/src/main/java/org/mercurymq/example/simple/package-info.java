/** Examples: simple. */
package org.mercurymq.example.simple;
