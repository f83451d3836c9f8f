/** The broker daemon: command line, configuration, composition root (docs/broker.md). */
package org.mercurymq.broker;
