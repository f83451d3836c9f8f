/** Examples: batch. */
package org.mercurymq.example.batch;
