/**
 * Dependency-free helpers every client layer may use (namespace wrapping of resource names, the address a client
 * reports): the bottom of the client's layers (docs/client.md, "Layers"). Not part of RocketMQ's public API.
 */
package org.mercurymq.client.support;
