package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** Request header of WIPE_WRITE_PERM_OF_BROKER (205). Not thread-safe. */
public class WipeWritePermOfBrokerRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;

    public WipeWritePermOfBrokerRequestHeader() {
    }

    public WipeWritePermOfBrokerRequestHeader(String brokerName) {
        this.brokerName = brokerName;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    @Override
    public String toString() {
        return "WipeWritePermOfBrokerRequestHeader [brokerName=" + brokerName + "]";
    }
}
