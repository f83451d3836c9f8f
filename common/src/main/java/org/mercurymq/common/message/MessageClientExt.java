package org.mercurymq.common.message;

/**
 * A message as a consumer sees it: {@link #getMsgId()} answers the client id (UNIQ_KEY) when present,
 * else the broker offset id. Not thread-safe.
 */
public class MessageClientExt extends MessageExt {
    private static final long serialVersionUID = 1L;

    public String getOffsetMsgId() {
        return super.getMsgId();
    }

    public void setOffsetMsgId(String offsetMsgId) {
        super.setMsgId(offsetMsgId);
    }

    @Override
    public String getMsgId() {
        String uniqID = MessageClientIDSetter.getUniqID(this);
        if (uniqID == null) {
            return this.getOffsetMsgId();
        }
        return uniqID;
    }

    @Override
    public void setMsgId(String msgId) {
        // the offset id is set through setOffsetMsgId; the client id lives in the UNIQ_KEY property
    }
}
