package org.mercurymq.remoting.exception;

/** Thrown when too many in-flight async or oneway requests. */
public class RemotingTooMuchRequestException extends RemotingException {
    private static final long serialVersionUID = 1L;

    public RemotingTooMuchRequestException(String message) {
        super(message);
    }

    public RemotingTooMuchRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
