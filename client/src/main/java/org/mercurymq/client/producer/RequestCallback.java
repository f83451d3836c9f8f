package org.mercurymq.client.producer;

import org.mercurymq.common.message.Message;

/** Completion of an async request/reply call. */
public interface RequestCallback {
    void onSuccess(final Message message);

    void onException(final Throwable e);
}
