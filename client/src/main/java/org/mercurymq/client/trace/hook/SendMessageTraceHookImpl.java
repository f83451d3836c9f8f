package org.mercurymq.client.trace.hook;

import java.util.ArrayList;
import org.mercurymq.client.hook.SendMessageContext;
import org.mercurymq.client.hook.SendMessageHook;
import org.mercurymq.client.support.NamespaceUtil;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.client.producer.SendStatus;
import org.mercurymq.client.trace.AsyncTraceDispatcher;
import org.mercurymq.client.trace.TraceBean;
import org.mercurymq.client.trace.TraceContext;
import org.mercurymq.client.trace.TraceDispatcher;
import org.mercurymq.client.trace.TraceType;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.Message;

/**
 * Records a Pub trace for every send attempt that got a reply from a broker with trace on: nothing for exceptions,
 * oneway sends or messages to the trace topic itself. Thread-safe.
 */
public class SendMessageTraceHookImpl implements SendMessageHook {
    private final TraceDispatcher localDispatcher;

    public SendMessageTraceHookImpl(TraceDispatcher localDispatcher) {
        this.localDispatcher = localDispatcher;
    }

    @Override
    public String hookName() {
        return "SendMessageTraceHook";
    }

    @Override
    public void sendMessageBefore(SendMessageContext context) {
        if (context == null || isTraceTopic(context.getMessage())) {
            return;
        }
        Message msg = context.getMessage();
        TraceContext trace = new TraceContext();
        trace.setTraceBeans(new ArrayList<TraceBean>(1));
        trace.setTraceType(TraceType.Pub);
        trace.setGroupName(NamespaceUtil.withoutNamespace(context.getProducerGroup()));
        TraceBean bean = new TraceBean();
        bean.setTopic(NamespaceUtil.withoutNamespace(msg.getTopic()));
        bean.setTags(msg.getTags());
        bean.setKeys(msg.getKeys());
        bean.setStoreHost(context.getBrokerAddr());
        bean.setBodyLength(msg.getBody() == null ? 0 : msg.getBody().length);
        bean.setMsgType(context.getMsgType());
        trace.getTraceBeans().add(bean);
        context.setMqTraceContext(trace);
    }

    @Override
    public void sendMessageAfter(SendMessageContext context) {
        if (context == null || !(context.getMqTraceContext() instanceof TraceContext) || isTraceTopic(context.getMessage())) {
            return;
        }
        SendResult result = context.getSendResult();
        // no reply (an exception, a oneway send, an async send not answered yet) or the broker has trace off
        if (result == null || result.getRegionId() == null || !result.isTraceOn()) {
            return;
        }
        TraceContext trace = (TraceContext) context.getMqTraceContext();
        TraceBean bean = trace.getTraceBeans().get(0);
        int costTime = (int) ((System.currentTimeMillis() - trace.getTimeStamp()) / trace.getTraceBeans().size());
        trace.setCostTime(costTime);
        trace.setSuccess(result.getSendStatus() == SendStatus.SEND_OK);
        trace.setRegionId(result.getRegionId());
        bean.setMsgId(result.getMsgId());
        bean.setOffsetMsgId(result.getOffsetMsgId());
        bean.setStoreTime(trace.getTimeStamp() + costTime / 2);
        localDispatcher.append(trace);
    }

    private boolean isTraceTopic(Message msg) {
        return msg == null || msg.getTopic() == null || msg.getTopic().startsWith(traceTopic(localDispatcher));
    }

    static String traceTopic(TraceDispatcher dispatcher) {
        return dispatcher instanceof AsyncTraceDispatcher
            ? ((AsyncTraceDispatcher) dispatcher).getTraceTopicName() : TopicNames.TRACE_TOPIC;
    }
}
