package org.mercurymq.client.consumer;

/** Completion of an async pull; runs on a client callback thread. */
public interface PullCallback {
    void onSuccess(final PullResult pullResult);

    void onException(final Throwable e);
}
