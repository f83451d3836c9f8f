package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** CONTROLLER_APPLY_BROKER_ID (1013): a broker claims an id; registerCheckCode ({@code ip:port;ms}) makes a retry idempotent. Not thread-safe. */
public class ApplyBrokerIdRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String clusterName;
    @CFNotNull
    private String brokerName;
    @CFNotNull
    private Long appliedBrokerId;
    @CFNotNull
    private String registerCheckCode;

    public ApplyBrokerIdRequestHeader() {
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

    public Long getAppliedBrokerId() {
        return appliedBrokerId;
    }

    public void setAppliedBrokerId(Long appliedBrokerId) {
        this.appliedBrokerId = appliedBrokerId;
    }

    public String getRegisterCheckCode() {
        return registerCheckCode;
    }

    public void setRegisterCheckCode(String registerCheckCode) {
        this.registerCheckCode = registerCheckCode;
    }

    @Override
    public String toString() {
        return "ApplyBrokerIdRequestHeader [clusterName=" + clusterName + ", brokerName=" + brokerName + ", appliedBrokerId=" + appliedBrokerId + ", registerCheckCode=" + registerCheckCode + "]";
    }
}
