/**
 * The controller daemon ({@code mqcontroller}): configuration, start-up and the composition root that wires the
 * Ratis-replicated replica table, broker liveness and the remoting processor (docs/controller.md).
 */
package org.mercurymq.controller;
