package org.mercurymq.namesrv.routeinfo;

/**
 * Outcome of a registration: for a slave whose master is alive, the master's address and HA address;
 * otherwise both null. Immutable.
 */
public record RegisterBrokerResult(String masterAddr, String haServerAddr) {
    static final RegisterBrokerResult NONE = new RegisterBrokerResult(null, null);
}
