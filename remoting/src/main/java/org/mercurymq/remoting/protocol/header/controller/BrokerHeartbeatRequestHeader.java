package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.annotation.CFNullable;

/** BROKER_HEARTBEAT (904): a broker tells a controller it is alive, with its epoch and offsets. Not thread-safe. */
public class BrokerHeartbeatRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String clusterName;
    @CFNotNull
    private String brokerAddr;
    @CFNotNull
    private String brokerName;
    @CFNullable
    private Long brokerId;
    @CFNullable
    private Integer epoch;
    @CFNullable
    private Long maxOffset;
    @CFNullable
    private Long confirmOffset;
    @CFNullable
    private Long heartbeatTimeoutMills;
    @CFNullable
    private Integer electionPriority;

    public BrokerHeartbeatRequestHeader() {
    }

    public String getClusterName() {
        return clusterName;
    }

    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
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

    public Integer getEpoch() {
        return epoch;
    }

    public void setEpoch(Integer epoch) {
        this.epoch = epoch;
    }

    public Long getMaxOffset() {
        return maxOffset;
    }

    public void setMaxOffset(Long maxOffset) {
        this.maxOffset = maxOffset;
    }

    public Long getConfirmOffset() {
        return confirmOffset;
    }

    public void setConfirmOffset(Long confirmOffset) {
        this.confirmOffset = confirmOffset;
    }

    public Long getHeartbeatTimeoutMills() {
        return heartbeatTimeoutMills;
    }

    public void setHeartbeatTimeoutMills(Long heartbeatTimeoutMills) {
        this.heartbeatTimeoutMills = heartbeatTimeoutMills;
    }

    public Integer getElectionPriority() {
        return electionPriority;
    }

    public void setElectionPriority(Integer electionPriority) {
        this.electionPriority = electionPriority;
    }

    @Override
    public String toString() {
        return "BrokerHeartbeatRequestHeader [clusterName=" + clusterName + ", brokerAddr=" + brokerAddr + ", brokerName=" + brokerName + ", brokerId=" + brokerId + ", epoch=" + epoch + ", maxOffset=" + maxOffset + ", confirmOffset=" + confirmOffset + ", heartbeatTimeoutMills=" + heartbeatTimeoutMills + ", electionPriority=" + electionPriority + "]";
    }
}
