package org.mercurymq.client.hook;

import java.util.List;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageQueue;

/** What a {@link FilterMessageHook} sees of one pull reply (the engines fill {@code msgList} and {@code unitMode}). Not thread-safe. */
public class FilterMessageContext {
    private String consumerGroup;
    private List<MessageExt> msgList;
    private MessageQueue mq;
    private Object arg;
    private boolean unitMode;

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public List<MessageExt> getMsgList() {
        return msgList;
    }

    public void setMsgList(List<MessageExt> msgList) {
        this.msgList = msgList;
    }

    public MessageQueue getMq() {
        return mq;
    }

    public void setMq(MessageQueue mq) {
        this.mq = mq;
    }

    public Object getArg() {
        return arg;
    }

    public void setArg(Object arg) {
        this.arg = arg;
    }

    public boolean isUnitMode() {
        return unitMode;
    }

    public void setUnitMode(boolean unitMode) {
        this.unitMode = unitMode;
    }

    @Override
    public String toString() {
        return "FilterMessageContext [consumerGroup=" + consumerGroup + ", msgList=" + msgList + ", mq=" + mq + ", arg=" + arg
            + ", unitMode=" + unitMode + "]";
    }

}
