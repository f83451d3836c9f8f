/** Request and response codes and bodies of the controller protocol (RocketMQ 5 controller mode; docs/controller.md). */
package org.mercurymq.remoting.protocol.controller;
