/** Topic route value objects exchanged with the name server: TopicRouteData, QueueData, BrokerData. */
package org.mercurymq.remoting.protocol.route;
