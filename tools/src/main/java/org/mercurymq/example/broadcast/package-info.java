/** Examples: broadcast. */
package org.mercurymq.example.broadcast;
