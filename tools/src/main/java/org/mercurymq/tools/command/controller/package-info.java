/** mqadmin commands for controller mode (RocketMQ 5's front-ends; docs/controller.md, "Operating it"). */
package org.mercurymq.tools.command.controller;
