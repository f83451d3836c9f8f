package org.mercurymq.common.protocol.heartbeat;

/** One producer group of a client in a heartbeat. JSON bean; not thread-safe. */
public class ProducerData {
    private String groupName;

    public ProducerData() {
    }

    public ProducerData(String groupName) {
        this.groupName = groupName;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    @Override
    public String toString() {
        return "ProducerData [groupName=" + groupName + "]";
    }
}
