package org.mercurymq.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mercurymq.client.trace.TraceView;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.TopicValidator;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.tools.admin.MQAdminException;

/**
 * A message's trace (docs/protocol/trace.md): the records clients with message tracing on wrote to the trace topic
 * about it (Pub by the producer, SubBefore/SubAfter by each consumer), found by the message id as key, as
 * {@code mqadmin queryMsgTraceById} finds them. Oldest first.
 */
final class MessageTraceView {
    /** As mqadmin: the trace topic's index is asked for at most this many trace messages. */
    static final int MAX_TRACE_MESSAGES = 64;

    private final DefaultMQAdminExt admin;

    MessageTraceView(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    /** {@code traceTopic} null or blank means {@code RMQ_SYS_TRACE_TOPIC}. */
    List<Map<String, Object>> trace(String msgId, String traceTopic) throws Exception {
        String topic = traceTopic == null || traceTopic.isBlank() ? TopicNames.TRACE_TOPIC : traceTopic.trim();
        String invalid = TopicValidator.validateTopic(topic);
        if (invalid != null) {
            throw ApiException.badRequest(invalid);
        }
        List<MessageExt> found;
        try {
            found = MessageView.queryOrNone(admin, topic, msgId, MAX_TRACE_MESSAGES);
        } catch (MQAdminException e) {
            // no client has ever traced a message on this cluster: no trace topic, no records
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST.code()) {
                return List.of();
            }
            throw e;
        }
        List<TraceView> views = new ArrayList<>();
        for (MessageExt m : found) {
            views.addAll(TraceView.decodeFromTraceTransData(msgId, m));
        }
        views.sort(Comparator.comparingLong(TraceView::getTimeStamp));
        List<Map<String, Object>> out = new ArrayList<>();
        for (TraceView v : views) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", v.getMsgType());
            m.put("group", v.getGroupName());
            m.put("clientHost", v.getClientHost());
            m.put("storeHost", v.getStoreHost());
            m.put("timeStamp", v.getTimeStamp());
            m.put("costTimeMillis", v.getCostTime());
            m.put("status", v.getStatus());
            m.put("topic", v.getTopic());
            m.put("tags", v.getTags());
            m.put("keys", v.getKeys());
            out.add(m);
        }
        return out;
    }
}
