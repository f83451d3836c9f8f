package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** CONTROLLER_GET_NEXT_BROKER_ID (1012): the next free controller broker id of a group. Not thread-safe. */
public class GetNextBrokerIdRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String clusterName;
    @CFNotNull
    private String brokerName;

    public GetNextBrokerIdRequestHeader() {
    }

    public String getClusterName() {
        return clusterName;
    }

    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    @Override
    public String toString() {
        return "GetNextBrokerIdRequestHeader [clusterName=" + clusterName + ", brokerName=" + brokerName + "]";
    }
}
