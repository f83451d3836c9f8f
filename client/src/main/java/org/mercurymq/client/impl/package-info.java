/**
 * Client internals: typed remote calls ({@code MQClientAPIImpl}), the response-code table
 * ({@code ResponseOutcomes}), admin operations, broker-to-client request handling and the client
 * instance registry. Not public API.
 */
package org.mercurymq.client.impl;
