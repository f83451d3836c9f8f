package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** Request header of UNREGISTER_BROKER (104). Not thread-safe. */
public class UnRegisterBrokerRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;
    @CFNotNull
    private String brokerAddr;
    @CFNotNull
    private String clusterName;
    @CFNotNull
    private Long brokerId;

    public UnRegisterBrokerRequestHeader() {
    }

    public UnRegisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName, Long brokerId) {
        this.brokerName = brokerName;
        this.brokerAddr = brokerAddr;
        this.clusterName = clusterName;
        this.brokerId = brokerId;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }

    public String getClusterName() {
        return clusterName;
    }

    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }

    public Long getBrokerId() {
        return brokerId;
    }

    public void setBrokerId(Long brokerId) {
        this.brokerId = brokerId;
    }

    @Override
    public String toString() {
        return "UnRegisterBrokerRequestHeader [brokerName=" + brokerName + ", brokerAddr=" + brokerAddr + ", clusterName=" + clusterName + ", brokerId=" + brokerId + "]";
    }
}
