package org.mercurymq.client.exception;

/**
 * A broker (or name server) answered with a response code the call does not accept. The message
 * reads {@code CODE: <code>  DESC: <remark> BROKER: <addr>}. Immutable.
 */
public class MQBrokerException extends Exception {
    private static final long serialVersionUID = 5975020272601250368L;

    private final int responseCode;
    private final String errorMessage;
    private final String brokerAddr;

    public MQBrokerException(int responseCode, String errorMessage) {
        super("CODE: " + responseCode + "  DESC: " + errorMessage);
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
        this.brokerAddr = null;
    }

    public MQBrokerException(int responseCode, String errorMessage, String brokerAddr) {
        super("CODE: " + responseCode + "  DESC: " + errorMessage + (brokerAddr != null ? " BROKER: " + brokerAddr : ""));
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
        this.brokerAddr = brokerAddr;
    }

    public int getResponseCode() {
        return responseCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }
}
