/** The route table (clusters, brokers, topics, liveness) and the duties that keep it current. */
package org.mercurymq.namesrv.routeinfo;
