package org.mercurymq.client.trace.hook;

import java.util.ArrayList;
import org.mercurymq.client.hook.EndTransactionContext;
import org.mercurymq.client.hook.EndTransactionHook;
import org.mercurymq.client.support.NamespaceUtil;
import org.mercurymq.client.impl.producer.DefaultMQProducerImpl;
import org.mercurymq.client.trace.AsyncTraceDispatcher;
import org.mercurymq.client.trace.TraceBean;
import org.mercurymq.client.trace.TraceContext;
import org.mercurymq.client.trace.TraceDispatcher;
import org.mercurymq.client.trace.TraceType;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageType;

/** Records an EndTransaction trace for every END_TRANSACTION (local decision and check-back alike). Thread-safe. */
public class EndTransactionTraceHookImpl implements EndTransactionHook {
    private static final String DEFAULT_REGION = "DefaultRegion";

    private final TraceDispatcher localDispatcher;

    public EndTransactionTraceHookImpl(TraceDispatcher localDispatcher) {
        this.localDispatcher = localDispatcher;
    }

    @Override
    public String hookName() {
        return "EndTransactionTraceHook";
    }

    @Override
    public void endTransaction(EndTransactionContext context) {
        if (context == null || context.getMessage() == null || context.getMessage().getTopic() == null
            || context.getMessage().getTopic().startsWith(SendMessageTraceHookImpl.traceTopic(localDispatcher))) {
            return;
        }
        Message msg = context.getMessage();
        TraceContext trace = new TraceContext();
        trace.setTraceBeans(new ArrayList<TraceBean>(1));
        trace.setTraceType(TraceType.EndTransaction);
        trace.setGroupName(NamespaceUtil.withoutNamespace(context.getProducerGroup()));
        TraceBean bean = new TraceBean();
        bean.setTopic(NamespaceUtil.withoutNamespace(msg.getTopic()));
        bean.setTags(msg.getTags());
        bean.setKeys(msg.getKeys());
        bean.setStoreHost(context.getBrokerAddr());
        bean.setMsgType(MessageType.Trans_msg_Commit);
        bean.setClientHost(clientId());
        bean.setMsgId(context.getMsgId());
        bean.setTransactionState(context.getTransactionState());
        bean.setTransactionId(context.getTransactionId());
        bean.setFromTransactionCheck(context.isFromTransactionCheck());
        String regionId = msg.getProperty(MessageConst.PROPERTY_MSG_REGION);
        trace.setRegionId(regionId == null || regionId.isEmpty() ? DEFAULT_REGION : regionId);
        trace.getTraceBeans().add(bean);
        trace.setTimeStamp(System.currentTimeMillis());
        localDispatcher.append(trace);
    }

    /** The host producer's client id (not part of the encoded record; kept on the bean as RocketMQ does). */
    private String clientId() {
        if (!(localDispatcher instanceof AsyncTraceDispatcher)) {
            return null;
        }
        DefaultMQProducerImpl host = ((AsyncTraceDispatcher) localDispatcher).getHostProducer();
        return host == null || host.getMQClientFactory() == null ? null : host.getMQClientFactory().getClientId();
    }
}
