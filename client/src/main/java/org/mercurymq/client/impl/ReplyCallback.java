package org.mercurymq.client.impl;

/**
 * Completion of an asynchronous call of the remoting API ({@link MQClientAPIImpl}), on a callback thread:
 * exactly one of the two methods is called once.
 */
public interface ReplyCallback<T> {
    void onSuccess(T reply);

    void onException(Throwable e);
}
