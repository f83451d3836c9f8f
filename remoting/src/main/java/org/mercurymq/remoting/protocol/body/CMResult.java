package org.mercurymq.remoting.protocol.body;

/** Outcome of CONSUME_MESSAGE_DIRECTLY, as the consumer reports it. */
public enum CMResult {
    CR_SUCCESS,
    CR_LATER,
    CR_ROLLBACK,
    CR_COMMIT,
    CR_THROW_EXCEPTION,
    CR_RETURN_NULL
}
