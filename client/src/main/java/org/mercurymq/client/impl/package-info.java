/**
 * The bottom of the client's engine layer: typed remote calls ({@code MQClientAPIImpl}), the response-code table
 * ({@code ResponseOutcomes}), the raw pull result, hook lists and the service-thread base. It knows no client
 * instance and no engine (layers: docs/client.md). Not public API.
 */
package org.mercurymq.client.impl;
