package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** Request header of ADD_WRITE_PERM_OF_BROKER (327). Not thread-safe. */
public class AddWritePermOfBrokerRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;

    public AddWritePermOfBrokerRequestHeader() {
    }

    public AddWritePermOfBrokerRequestHeader(String brokerName) {
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
        return "AddWritePermOfBrokerRequestHeader [brokerName=" + brokerName + "]";
    }
}
