/** Examples: filter. */
package org.mercurymq.example.filter;
