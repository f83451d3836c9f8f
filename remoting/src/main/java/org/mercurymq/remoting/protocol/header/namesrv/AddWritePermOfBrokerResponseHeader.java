package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** Reply header of ADD_WRITE_PERM_OF_BROKER: queue data entries changed. Not thread-safe. */
public class AddWritePermOfBrokerResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Integer addTopicCount;

    public AddWritePermOfBrokerResponseHeader() {
    }

    public AddWritePermOfBrokerResponseHeader(Integer addTopicCount) {
        this.addTopicCount = addTopicCount;
    }

    public Integer getAddTopicCount() {
        return addTopicCount;
    }

    public void setAddTopicCount(Integer addTopicCount) {
        this.addTopicCount = addTopicCount;
    }

    @Override
    public String toString() {
        return "AddWritePermOfBrokerResponseHeader [addTopicCount=" + addTopicCount + "]";
    }
}
