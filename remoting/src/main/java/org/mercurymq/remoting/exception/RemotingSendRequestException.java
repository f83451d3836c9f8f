package org.mercurymq.remoting.exception;

/** Thrown when writing a request to a connection failed. */
public class RemotingSendRequestException extends RemotingException {
    private static final long serialVersionUID = 1L;

    public RemotingSendRequestException(String message) {
        super(message);
    }

    public RemotingSendRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
