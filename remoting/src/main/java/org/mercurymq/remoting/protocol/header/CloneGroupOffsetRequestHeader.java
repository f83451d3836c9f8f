package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.CommandCustomHeader;

/** CLONE_GROUP_OFFSET (314) request header. Bean; not thread-safe. */
public class CloneGroupOffsetRequestHeader implements CommandCustomHeader {
    private String srcGroup;
    private String destGroup;
    private String topic;
    private boolean offline;

    public String getSrcGroup() {
        return srcGroup;
    }

    public void setSrcGroup(String srcGroup) {
        this.srcGroup = srcGroup;
    }

    public String getDestGroup() {
        return destGroup;
    }

    public void setDestGroup(String destGroup) {
        this.destGroup = destGroup;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public boolean isOffline() {
        return offline;
    }

    public void setOffline(boolean offline) {
        this.offline = offline;
    }
}
