package org.mercurymq.client.impl.consumer;

import java.util.HashMap;
import java.util.List;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.ConsumeReturnType;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.client.hook.ConsumeMessageHook;
import org.mercurymq.client.impl.HookList;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;

/**
 * The consume-message hooks of one consumer engine and the contexts they see (docs/client.md "Hooks"): a push
 * consumer wraps each listener call in {@link #begin}/{@link #end}; pull and lite pull consumers report each batch
 * they hand out with {@link #handedOut}. Thread-safe.
 */
public final class ConsumeMessageHooks {
    /** Key of the prop telling how a listener call ended ({@link ConsumeReturnType} name). */
    public static final String CONSUME_CONTEXT_TYPE = "ConsumeContextType";

    private final HookList<ConsumeMessageHook> hooks = new HookList<ConsumeMessageHook>("consume message");

    public void register(ConsumeMessageHook hook) {
        hooks.register(hook);
    }

    public boolean isEmpty() {
        return hooks.isEmpty();
    }

    public void before(final ConsumeMessageContext context) {
        hooks.callEach(hook -> hook.consumeMessageBefore(context));
    }

    public void after(final ConsumeMessageContext context) {
        hooks.callEach(hook -> hook.consumeMessageAfter(context));
    }

    /** Before a push consumer's listener call: the context (after the before-hooks ran), or null without hooks. */
    ConsumeMessageContext begin(String group, String namespace, MessageQueue mq, List<MessageExt> msgs) {
        if (hooks.isEmpty()) {
            return null;
        }
        ConsumeMessageContext ctx = context(group, namespace, mq, msgs);
        ctx.setProps(new HashMap<String, String>());
        before(ctx);
        return ctx;
    }

    /** After a push consumer's listener call begun with {@link #begin} (no-op for a null context). */
    void end(ConsumeMessageContext ctx, ConsumeReturnType returnType, Enum<?> status, boolean success) {
        if (ctx == null) {
            return;
        }
        ctx.getProps().put(CONSUME_CONTEXT_TYPE, returnType.name());
        ctx.setStatus(status.toString());
        ctx.setSuccess(success);
        after(ctx);
    }

    /**
     * How a listener call ended: no status is EXCEPTION (it threw) or RETURNNULL; then TIME_OUT when it ran for
     * consumeTimeout or longer, FAILED for a retry/suspend status, else SUCCESS.
     */
    static ConsumeReturnType returnType(Enum<?> status, boolean threw, long costMillis, long consumeTimeoutMinutes,
                                        boolean failed) {
        if (status == null) {
            return threw ? ConsumeReturnType.EXCEPTION : ConsumeReturnType.RETURNNULL;
        }
        if (costMillis >= consumeTimeoutMinutes * 60 * 1000) {
            return ConsumeReturnType.TIME_OUT;
        }
        return failed ? ConsumeReturnType.FAILED : ConsumeReturnType.SUCCESS;
    }

    /** A pull or lite pull consumer handed {@code msgs} to the application: before, then after as consumed. */
    void handedOut(String group, String namespace, MessageQueue mq, List<MessageExt> msgs) {
        if (hooks.isEmpty()) {
            return;
        }
        ConsumeMessageContext ctx = context(group, namespace, mq, msgs);
        before(ctx);
        ctx.setStatus(ConsumeConcurrentlyStatus.CONSUME_SUCCESS.toString());
        ctx.setSuccess(true);
        after(ctx);
    }

    private static ConsumeMessageContext context(String group, String namespace, MessageQueue mq, List<MessageExt> msgs) {
        ConsumeMessageContext ctx = new ConsumeMessageContext();
        ctx.setNamespace(namespace);
        ctx.setConsumerGroup(group);
        ctx.setMq(mq);
        ctx.setMsgList(msgs);
        ctx.setSuccess(false);
        return ctx;
    }
}
