/** The controller's remoting front: request codes 904, 1001-1005, 1012 and 1013 mapped to the replicas manager. */
package org.mercurymq.controller.processor;
