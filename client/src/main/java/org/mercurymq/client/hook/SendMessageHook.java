package org.mercurymq.client.hook;

/**
 * Called around every send attempt to a broker: before the request leaves and after its outcome is known.
 * A hook that throws is logged and skipped. Register with
 * {@code producer.getDefaultMQProducerImpl().registerSendMessageHook(hook)}.
 */
public interface SendMessageHook {
    String hookName();

    void sendMessageBefore(final SendMessageContext context);

    void sendMessageAfter(final SendMessageContext context);
}
