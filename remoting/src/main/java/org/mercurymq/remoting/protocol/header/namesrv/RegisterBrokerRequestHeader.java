package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.annotation.CFNullable;

/** Request header of REGISTER_BROKER (103), docs/protocol/headers.md §6.5. Not thread-safe. */
public class RegisterBrokerRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;
    /** {@code brokerIP1:listenPort}. */
    @CFNotNull
    private String brokerAddr;
    @CFNotNull
    private String clusterName;
    /** {@code brokerIP2:haListenPort}. */
    @CFNotNull
    private String haServerAddr;
    /** 0 master, &gt;0 slave. */
    @CFNotNull
    private Long brokerId;
    /** Body is the compressed form; a primitive, so always sent. */
    private boolean compressed;
    /** CRC32 of the body masked with 0x7FFFFFFF; absent or 0 disables the check. */
    @CFNullable
    private Integer bodyCrc32 = 0;

    public RegisterBrokerRequestHeader() {
    }

    public RegisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName, String haServerAddr, Long brokerId, boolean compressed, Integer bodyCrc32) {
        this.brokerName = brokerName;
        this.brokerAddr = brokerAddr;
        this.clusterName = clusterName;
        this.haServerAddr = haServerAddr;
        this.brokerId = brokerId;
        this.compressed = compressed;
        this.bodyCrc32 = bodyCrc32;
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

    public String getHaServerAddr() {
        return haServerAddr;
    }

    public void setHaServerAddr(String haServerAddr) {
        this.haServerAddr = haServerAddr;
    }

    public Long getBrokerId() {
        return brokerId;
    }

    public void setBrokerId(Long brokerId) {
        this.brokerId = brokerId;
    }

    public boolean isCompressed() {
        return compressed;
    }

    public void setCompressed(boolean compressed) {
        this.compressed = compressed;
    }

    public Integer getBodyCrc32() {
        return bodyCrc32;
    }

    public void setBodyCrc32(Integer bodyCrc32) {
        this.bodyCrc32 = bodyCrc32;
    }

    @Override
    public String toString() {
        return "RegisterBrokerRequestHeader [brokerName=" + brokerName + ", brokerAddr=" + brokerAddr + ", clusterName=" + clusterName + ", haServerAddr=" + haServerAddr + ", brokerId=" + brokerId + ", compressed=" + compressed + ", bodyCrc32=" + bodyCrc32 + "]";
    }
}
