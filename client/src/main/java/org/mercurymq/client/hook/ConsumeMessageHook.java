package org.mercurymq.client.hook;

/**
 * Called around every listener call of a push consumer (and on each batch a pull or lite pull consumer
 * hands out). A hook that throws is ignored. Register with
 * {@code consumer.getDefaultMQPushConsumerImpl().registerConsumeMessageHook(hook)}.
 */
public interface ConsumeMessageHook {
    String hookName();

    void consumeMessageBefore(final ConsumeMessageContext context);

    void consumeMessageAfter(final ConsumeMessageContext context);
}
