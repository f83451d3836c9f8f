package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNullable;

/** Reply header of REGISTER_BROKER: set only when a slave registers and its master is alive. Not thread-safe. */
public class RegisterBrokerResponseHeader implements CommandCustomHeader {
    @CFNullable
    private String haServerAddr;
    @CFNullable
    private String masterAddr;

    public RegisterBrokerResponseHeader() {
    }

    public RegisterBrokerResponseHeader(String haServerAddr, String masterAddr) {
        this.haServerAddr = haServerAddr;
        this.masterAddr = masterAddr;
    }

    public String getHaServerAddr() {
        return haServerAddr;
    }

    public void setHaServerAddr(String haServerAddr) {
        this.haServerAddr = haServerAddr;
    }

    public String getMasterAddr() {
        return masterAddr;
    }

    public void setMasterAddr(String masterAddr) {
        this.masterAddr = masterAddr;
    }

    @Override
    public String toString() {
        return "RegisterBrokerResponseHeader [haServerAddr=" + haServerAddr + ", masterAddr=" + masterAddr + "]";
    }
}
