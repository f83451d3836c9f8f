package org.mercurymq.remoting.exception;

/** Thrown when a command or header that cannot be decoded or is missing a required field. */
public class RemotingCommandException extends RemotingException {
    private static final long serialVersionUID = 1L;

    public RemotingCommandException(String message) {
        super(message);
    }

    public RemotingCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
