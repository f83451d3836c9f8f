/** The client instance shared by producers and consumers of one client id: routes, heartbeats, periodic duties. */
package org.mercurymq.client.impl.factory;
