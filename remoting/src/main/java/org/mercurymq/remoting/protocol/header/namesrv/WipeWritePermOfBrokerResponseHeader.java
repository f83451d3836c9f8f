package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** Reply header of WIPE_WRITE_PERM_OF_BROKER: queue data entries changed. Not thread-safe. */
public class WipeWritePermOfBrokerResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Integer wipeTopicCount;

    public WipeWritePermOfBrokerResponseHeader() {
    }

    public WipeWritePermOfBrokerResponseHeader(Integer wipeTopicCount) {
        this.wipeTopicCount = wipeTopicCount;
    }

    public Integer getWipeTopicCount() {
        return wipeTopicCount;
    }

    public void setWipeTopicCount(Integer wipeTopicCount) {
        this.wipeTopicCount = wipeTopicCount;
    }

    @Override
    public String toString() {
        return "WipeWritePermOfBrokerResponseHeader [wipeTopicCount=" + wipeTopicCount + "]";
    }
}
