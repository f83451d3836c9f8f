package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** CONTROLLER_GET_REPLICA_INFO (1004): the master, epochs and SyncStateSet of one broker group. Not thread-safe. */
public class GetReplicaInfoRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;

    public GetReplicaInfoRequestHeader() {
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    @Override
    public String toString() {
        return "GetReplicaInfoRequestHeader [brokerName=" + brokerName + "]";
    }
}
