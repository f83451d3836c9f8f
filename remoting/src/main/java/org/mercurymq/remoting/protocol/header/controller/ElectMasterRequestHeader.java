package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.annotation.CFNullable;

/** CONTROLLER_ELECT_MASTER (1002): elect a master for a broker group (brokerId -1: controller-triggered). Not thread-safe. */
public class ElectMasterRequestHeader implements CommandCustomHeader {
    @CFNullable
    private String clusterName;
    @CFNotNull
    private String brokerName;
    @CFNullable
    private Long brokerId;
    @CFNullable
    private Boolean designateElect;
    @CFNullable
    private Long invokeTime;

    public ElectMasterRequestHeader() {
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

    public Boolean getDesignateElect() {
        return designateElect;
    }

    public void setDesignateElect(Boolean designateElect) {
        this.designateElect = designateElect;
    }

    public Long getInvokeTime() {
        return invokeTime;
    }

    public void setInvokeTime(Long invokeTime) {
        this.invokeTime = invokeTime;
    }

    @Override
    public String toString() {
        return "ElectMasterRequestHeader [clusterName=" + clusterName + ", brokerName=" + brokerName + ", brokerId=" + brokerId + ", designateElect=" + designateElect + ", invokeTime=" + invokeTime + "]";
    }
}
