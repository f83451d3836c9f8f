package org.mercurymq.common.protocol.heartbeat;

/** Push consumers are driven by the client library (passive), pull consumers by the application. */
public enum ConsumeType {
    CONSUME_ACTIVELY("PULL"),
    CONSUME_PASSIVELY("PUSH");

    private final String typeCN;

    ConsumeType(String typeCN) {
        this.typeCN = typeCN;
    }

    public String getTypeCN() {
        return typeCN;
    }
}
