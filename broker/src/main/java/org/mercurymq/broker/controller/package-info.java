/**
 * The broker's side of controller mode (docs/controller.md): finding the controller leader, the broker identity
 * file and id application, registration, heartbeats to every controller, polling the group's replica info and
 * reporting role changes and SyncStateSet proposals. Run-time role switching of the broker's services is not
 * wired yet; see docs/controller.md, "Status".
 */
package org.mercurymq.broker.controller;
