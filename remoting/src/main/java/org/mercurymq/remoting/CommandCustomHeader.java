package org.mercurymq.remoting;

import org.mercurymq.remoting.exception.RemotingCommandException;

/**
 * A typed request or response header. Its non-static, non-transient fields travel as
 * {@code extFields} entries named exactly like the field (see docs/protocol/headers.md).
 */
public interface CommandCustomHeader {
    /** Checks values beyond presence (presence of {@code @CFNotNull} fields is checked by the codec). */
    default void checkFields() throws RemotingCommandException {
    }
}
