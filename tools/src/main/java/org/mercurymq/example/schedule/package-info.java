/**
 * Delayed delivery: a producer that sets a delay level on each message and a consumer that prints how long each one
 * waited (delay levels: docs/protocol/behaviour.md §9).
 */
package org.mercurymq.example.schedule;
