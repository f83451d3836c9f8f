package org.mercurymq.broker.filter.sql;

/** An expression that cannot be compiled; the message names the position for lexical and syntax errors. */
public final class SqlCompileException extends Exception {
    private static final long serialVersionUID = 1L;

    public SqlCompileException(String message) {
        super(message);
    }
}
