/** Request and reply headers of the controller protocol (RocketMQ 5 controller mode codes 904 and 1001-1013; docs/controller.md). */
package org.mercurymq.remoting.protocol.header.controller;
