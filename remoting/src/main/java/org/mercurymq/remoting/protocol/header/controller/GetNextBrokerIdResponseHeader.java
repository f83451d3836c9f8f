package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNullable;

/** Reply header of CONTROLLER_GET_NEXT_BROKER_ID. Not thread-safe. */
public class GetNextBrokerIdResponseHeader implements CommandCustomHeader {
    @CFNullable
    private String clusterName;
    @CFNullable
    private String brokerName;
    @CFNullable
    private Long nextBrokerId;

    public GetNextBrokerIdResponseHeader() {
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

    public Long getNextBrokerId() {
        return nextBrokerId;
    }

    public void setNextBrokerId(Long nextBrokerId) {
        this.nextBrokerId = nextBrokerId;
    }

    @Override
    public String toString() {
        return "GetNextBrokerIdResponseHeader [clusterName=" + clusterName + ", brokerName=" + brokerName + ", nextBrokerId=" + nextBrokerId + "]";
    }
}
