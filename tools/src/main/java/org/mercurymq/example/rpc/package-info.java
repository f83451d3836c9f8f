/**
 * Request/reply: a producer that sends a request and waits for the answer, and a consumer that answers each request
 * with a reply message routed back to the requesting client.
 */
package org.mercurymq.example.rpc;
