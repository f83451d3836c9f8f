package org.mercurymq.client.exception;

/**
 * A client-side failure: bad input, wrong state, no route, or a failure after all retries. When it
 * carries a response code, the message reads {@code CODE: <code>  DESC: <text>} as in RocketMQ.
 * Not thread-safe (mutable error message, as in the RocketMQ API).
 */
public class MQClientException extends Exception {
    private static final long serialVersionUID = -5758410930844185841L;

    private int responseCode;
    private String errorMessage;

    public MQClientException(String errorMessage, Throwable cause) {
        super(errorMessage, cause);
        this.responseCode = -1;
        this.errorMessage = errorMessage;
    }

    public MQClientException(int responseCode, String errorMessage) {
        super("CODE: " + responseCode + "  DESC: " + errorMessage);
        this.responseCode = responseCode;
        this.errorMessage = errorMessage;
    }

    public int getResponseCode() {
        return responseCode;
    }

    public MQClientException setResponseCode(int responseCode) {
        this.responseCode = responseCode;
        return this;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }
}
