package org.mercurymq.client.producer;

/** Completion of an async send; runs on a client callback thread. */
public interface SendCallback {
    void onSuccess(final SendResult sendResult);

    void onException(final Throwable e);
}
