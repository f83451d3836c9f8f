package org.mercurymq.common;

/** Identity constants shared by broker, name server and client. Stateless. */
public final class BrokerConstants {
    /** brokerId of a master; slaves have ids ≥ 1. */
    public static final long MASTER_ID = 0L;

    private BrokerConstants() {
    }
}
