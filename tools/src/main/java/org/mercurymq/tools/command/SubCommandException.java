package org.mercurymq.tools.command;

/** A command failed for a reason the operator can act on; its message is printed as is, without a stack trace. */
public class SubCommandException extends Exception {
    public SubCommandException(String message) {
        super(message);
    }

    public SubCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
