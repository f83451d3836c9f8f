package org.mercurymq.broker.filter.sql;

/**
 * Evaluation failed for one message (a property that does not parse as the number it is compared with).
 * RocketMQ treats the message as not matched; no stack trace is filled in since this is an expected outcome.
 */
public final class SqlEvaluationException extends Exception {
    private static final long serialVersionUID = 1L;

    public SqlEvaluationException(String message) {
        super(message, null, false, false);
    }
}
