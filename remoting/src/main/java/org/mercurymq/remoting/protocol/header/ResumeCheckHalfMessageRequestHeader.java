package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.CommandCustomHeader;

/** RESUME_CHECK_HALF_MESSAGE (323) request: the offset message id of the half message. Field names are the wire keys. */
public class ResumeCheckHalfMessageRequestHeader implements CommandCustomHeader {
    private String msgId;

    public String getMsgId() {
        return msgId;
    }

    public void setMsgId(String msgId) {
        this.msgId = msgId;
    }
}
