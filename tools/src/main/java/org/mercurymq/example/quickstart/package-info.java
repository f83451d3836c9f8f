/** Examples: quickstart. */
package org.mercurymq.example.quickstart;
