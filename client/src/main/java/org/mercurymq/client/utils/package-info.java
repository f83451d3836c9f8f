/** Helpers of the public client API (request/reply message construction). */
package org.mercurymq.client.utils;
