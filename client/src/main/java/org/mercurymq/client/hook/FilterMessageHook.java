package org.mercurymq.client.hook;

/** Called with the messages of every pull reply after the client's own tag filtering. */
public interface FilterMessageHook {
    String hookName();

    void filterMessage(final FilterMessageContext context);
}
