package org.mercurymq.client.hook;

import org.mercurymq.client.exception.MQClientException;

/** Called before every send attempt; throwing {@link MQClientException} stops that send with the exception. */
public interface CheckForbiddenHook {
    String hookName();

    void checkForbidden(final CheckForbiddenContext context) throws MQClientException;
}
