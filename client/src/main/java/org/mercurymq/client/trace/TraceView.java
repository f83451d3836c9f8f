package org.mercurymq.client.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mercurymq.common.message.MessageExt;

/**
 * One trace record of one message, flattened for display (what {@code queryMsgTraceById} prints). Built from
 * a message of the trace topic by {@link #decodeFromTraceTransData}. Not thread-safe (a value object).
 */
public class TraceView {
    private String msgId;
    private String tags;
    private String keys;
    private String storeHost;
    private String clientHost;
    private int costTime;
    private String msgType;
    private String offSetMsgId;
    private long timeStamp;
    private long bornTime;
    private String topic;
    private String groupName;
    private String status;

    /**
     * The records about message {@code key} in one trace-topic message: a trace message batches records of
     * many messages, so only those whose message id is {@code key} are returned.
     */
    public static List<TraceView> decodeFromTraceTransData(String key, MessageExt message) {
        List<TraceView> views = new ArrayList<>();
        if (message == null || message.getBody() == null || message.getBody().length == 0) {
            return views;
        }
        String data = new String(message.getBody(), StandardCharsets.UTF_8);
        for (TraceContext context : TraceDataEncoder.decoderFromTraceDataString(data)) {
            if (context.getTraceBeans() == null || context.getTraceBeans().isEmpty()) {
                continue;
            }
            TraceBean bean = context.getTraceBeans().get(0);
            if (key == null || !key.equals(bean.getMsgId())) {
                continue;
            }
            TraceView view = new TraceView();
            view.setCostTime(context.getCostTime());
            view.setGroupName(context.getGroupName());
            view.setStatus(context.isSuccess() ? "success" : "failed");
            view.setKeys(bean.getKeys());
            view.setMsgId(bean.getMsgId());
            view.setTags(bean.getTags());
            view.setTopic(bean.getTopic());
            view.setMsgType(context.getTraceType() == null ? null : context.getTraceType().name());
            view.setOffSetMsgId(bean.getOffsetMsgId());
            view.setTimeStamp(context.getTimeStamp());
            view.setStoreHost(bean.getStoreHost());
            view.setClientHost(message.getBornHostString());
            view.setBornTime(message.getBornTimestamp());
            views.add(view);
        }
        return views;
    }

    public String getMsgId() { return msgId; }
    public void setMsgId(String msgId) { this.msgId = msgId; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public String getKeys() { return keys; }
    public void setKeys(String keys) { this.keys = keys; }
    public String getStoreHost() { return storeHost; }
    public void setStoreHost(String storeHost) { this.storeHost = storeHost; }
    public String getClientHost() { return clientHost; }
    public void setClientHost(String clientHost) { this.clientHost = clientHost; }
    public int getCostTime() { return costTime; }
    public void setCostTime(int costTime) { this.costTime = costTime; }
    public String getMsgType() { return msgType; }
    public void setMsgType(String msgType) { this.msgType = msgType; }
    public String getOffSetMsgId() { return offSetMsgId; }
    public void setOffSetMsgId(String offSetMsgId) { this.offSetMsgId = offSetMsgId; }
    public long getTimeStamp() { return timeStamp; }
    public void setTimeStamp(long timeStamp) { this.timeStamp = timeStamp; }
    public long getBornTime() { return bornTime; }
    public void setBornTime(long bornTime) { this.bornTime = bornTime; }
    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public String getGroupName() { return groupName; }
    public void setGroupName(String groupName) { this.groupName = groupName; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
