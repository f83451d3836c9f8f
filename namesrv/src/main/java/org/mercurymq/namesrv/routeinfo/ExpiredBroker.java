package org.mercurymq.namesrv.routeinfo;

/** A broker address dropped by the liveness scan and how long it had been silent. Immutable. */
public record ExpiredBroker(String brokerAddr, long silentMillis) {
}
