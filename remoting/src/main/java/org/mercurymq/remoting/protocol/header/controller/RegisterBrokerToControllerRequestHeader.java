package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** CONTROLLER_REGISTER_BROKER (1003): a broker with a controller-assigned id registers its address. Not thread-safe. */
public class RegisterBrokerToControllerRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String clusterName;
    @CFNotNull
    private String brokerName;
    @CFNotNull
    private Long brokerId;
    @CFNotNull
    private String brokerAddress;

    public RegisterBrokerToControllerRequestHeader() {
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

    public Long getBrokerId() {
        return brokerId;
    }

    public void setBrokerId(Long brokerId) {
        this.brokerId = brokerId;
    }

    public String getBrokerAddress() {
        return brokerAddress;
    }

    public void setBrokerAddress(String brokerAddress) {
        this.brokerAddress = brokerAddress;
    }

    @Override
    public String toString() {
        return "RegisterBrokerToControllerRequestHeader [clusterName=" + clusterName + ", brokerName=" + brokerName + ", brokerId=" + brokerId + ", brokerAddress=" + brokerAddress + "]";
    }
}
