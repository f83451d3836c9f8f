package org.mercurymq.client.impl.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.mercurymq.client.consumer.listener.ConsumeOrderlyStatus;
import org.mercurymq.client.consumer.listener.ConsumeReturnType;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.client.hook.ConsumeMessageHook;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;

class ConsumeMessageHooksTest {
    private final MessageQueue mq = new MessageQueue("T", "broker-a", 1);
    private final List<MessageExt> msgs = Collections.singletonList(new MessageExt());

    /** Records a snapshot of each call: the context is the same object before and after. */
    private static final class Recorder implements ConsumeMessageHook {
        final List<String> calls = new ArrayList<>();
        ConsumeMessageContext last;

        @Override
        public String hookName() {
            return "recorder";
        }

        @Override
        public void consumeMessageBefore(ConsumeMessageContext c) {
            calls.add("before success=" + c.isSuccess() + " status=" + c.getStatus());
            last = c;
        }

        @Override
        public void consumeMessageAfter(ConsumeMessageContext c) {
            calls.add("after success=" + c.isSuccess() + " status=" + c.getStatus());
            last = c;
        }
    }

    @Test
    void withoutHooksNoContextIsBuilt() {
        ConsumeMessageHooks hooks = new ConsumeMessageHooks();
        assertNull(hooks.begin("g", null, mq, msgs));
        hooks.end(null, ConsumeReturnType.SUCCESS, ConsumeConcurrentlyStatus.CONSUME_SUCCESS, true);
        hooks.handedOut("g", null, mq, msgs);
        assertTrue(hooks.isEmpty());
    }

    @Test
    void pushListenerCallFillsGroupQueueMessagesStatusAndReturnType() {
        ConsumeMessageHooks hooks = new ConsumeMessageHooks();
        Recorder r = new Recorder();
        hooks.register(r);
        ConsumeMessageContext ctx = hooks.begin("cg", "ns", mq, msgs);
        hooks.end(ctx, ConsumeReturnType.FAILED, ConsumeConcurrentlyStatus.RECONSUME_LATER, false);
        assertEquals(java.util.Arrays.asList("before success=false status=null", "after success=false status=RECONSUME_LATER"), r.calls);
        assertSame(ctx, r.last);
        assertEquals("cg", ctx.getConsumerGroup());
        assertEquals("ns", ctx.getNamespace());
        assertEquals(mq, ctx.getMq());
        assertSame(msgs, ctx.getMsgList());
        assertEquals("FAILED", ctx.getProps().get(ConsumeMessageHooks.CONSUME_CONTEXT_TYPE));
    }

    @Test
    void pullAndLitePullBatchesAreReportedAsConsumed() {
        ConsumeMessageHooks hooks = new ConsumeMessageHooks();
        Recorder r = new Recorder();
        hooks.register(r);
        hooks.handedOut("cg", null, mq, msgs);
        assertEquals(java.util.Arrays.asList("before success=false status=null", "after success=true status=CONSUME_SUCCESS"), r.calls);
        assertNull(r.last.getProps());
    }

    @Test
    void returnTypeFollowsRocketMqOrder() {
        assertEquals(ConsumeReturnType.EXCEPTION, ConsumeMessageHooks.returnType(null, true, 1, 15, false));
        assertEquals(ConsumeReturnType.RETURNNULL, ConsumeMessageHooks.returnType(null, false, 1, 15, false));
        assertEquals(ConsumeReturnType.TIME_OUT,
            ConsumeMessageHooks.returnType(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, false, 15 * 60_000, 15, false));
        assertEquals(ConsumeReturnType.FAILED,
            ConsumeMessageHooks.returnType(ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT, false, 1, 15, true));
        assertEquals(ConsumeReturnType.SUCCESS,
            ConsumeMessageHooks.returnType(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, false, 1, 15, false));
        assertFalse(ConsumeMessageHooks.returnType(ConsumeOrderlyStatus.SUCCESS, false, 1, 15, false) == ConsumeReturnType.FAILED);
    }
}
