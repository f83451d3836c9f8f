package org.mercurymq.client.trace.hook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercurymq.client.consumer.listener.ConsumeReturnType;
import org.mercurymq.client.hook.ConsumeMessageContext;
import org.mercurymq.client.hook.ConsumeMessageHook;
import org.mercurymq.client.support.NamespaceUtil;
import org.mercurymq.client.impl.consumer.ConsumeMessageHooks;
import org.mercurymq.client.trace.TraceBean;
import org.mercurymq.client.trace.TraceContext;
import org.mercurymq.client.trace.TraceDispatcher;
import org.mercurymq.client.trace.TraceType;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageExt;

/**
 * Records a SubBefore trace (one bean per message whose {@code TRACE_ON} property is not {@code false}) before the
 * listener runs and a SubAfter trace with the same request id, per-message cost and outcome after it. Thread-safe.
 */
public class ConsumeMessageTraceHookImpl implements ConsumeMessageHook {
    private final TraceDispatcher localDispatcher;

    public ConsumeMessageTraceHookImpl(TraceDispatcher localDispatcher) {
        this.localDispatcher = localDispatcher;
    }

    @Override
    public String hookName() {
        return "ConsumeMessageTraceHook";
    }

    @Override
    public void consumeMessageBefore(ConsumeMessageContext context) {
        if (context == null || context.getMsgList() == null || context.getMsgList().isEmpty()) {
            return;
        }
        TraceContext before = new TraceContext();
        context.setMqTraceContext(before);
        before.setTraceType(TraceType.SubBefore);
        before.setGroupName(NamespaceUtil.withoutNamespace(context.getConsumerGroup()));
        List<TraceBean> beans = new ArrayList<TraceBean>();
        for (MessageExt msg : context.getMsgList()) {
            if (msg == null || "false".equals(msg.getProperty(MessageConst.PROPERTY_TRACE_SWITCH))) {
                continue;
            }
            TraceBean bean = new TraceBean();
            bean.setTopic(NamespaceUtil.withoutNamespace(msg.getTopic()));
            bean.setMsgId(msg.getMsgId());
            bean.setTags(msg.getTags());
            bean.setKeys(msg.getKeys());
            bean.setStoreTime(msg.getStoreTimestamp());
            bean.setBodyLength(msg.getStoreSize());
            bean.setRetryTimes(msg.getReconsumeTimes());
            before.setRegionId(msg.getProperty(MessageConst.PROPERTY_MSG_REGION));
            beans.add(bean);
        }
        if (!beans.isEmpty()) {
            before.setTraceBeans(beans);
            before.setTimeStamp(System.currentTimeMillis());
            localDispatcher.append(before);
        }
    }

    @Override
    public void consumeMessageAfter(ConsumeMessageContext context) {
        if (context == null || context.getMsgList() == null || context.getMsgList().isEmpty()
            || !(context.getMqTraceContext() instanceof TraceContext)) {
            return;
        }
        TraceContext before = (TraceContext) context.getMqTraceContext();
        if (before.getTraceBeans() == null || before.getTraceBeans().isEmpty()) {
            return;
        }
        TraceContext after = new TraceContext();
        after.setTraceType(TraceType.SubAfter);
        after.setRegionId(before.getRegionId());
        after.setGroupName(NamespaceUtil.withoutNamespace(before.getGroupName()));
        after.setRequestId(before.getRequestId());
        after.setAccessChannel(context.getAccessChannel());
        after.setSuccess(context.isSuccess());
        after.setCostTime((int) ((System.currentTimeMillis() - before.getTimeStamp()) / context.getMsgList().size()));
        after.setTraceBeans(before.getTraceBeans());
        Map<String, String> props = context.getProps();
        String returnType = props == null ? null : props.get(ConsumeMessageHooks.CONSUME_CONTEXT_TYPE);
        if (returnType != null) {
            after.setContextCode(ConsumeReturnType.valueOf(returnType).ordinal());
        }
        localDispatcher.append(after);
    }
}
