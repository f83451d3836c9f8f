/**
 * Broker liveness as one controller sees it: heartbeats (code 904) with their epochs and offsets, expiry by an
 * injected clock, and the periodic scan that reports expired brokers. Not replicated: every controller receives
 * the heartbeats itself (docs/controller.md).
 */
package org.mercurymq.controller.liveness;
