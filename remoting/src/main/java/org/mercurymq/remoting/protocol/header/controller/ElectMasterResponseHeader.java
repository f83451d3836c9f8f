package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNullable;

/** Reply header of CONTROLLER_ELECT_MASTER, CONTROLLER_GET_REPLICA_INFO and CONTROLLER_REGISTER_BROKER: the group's master and epochs. Not thread-safe. */
public class ElectMasterResponseHeader implements CommandCustomHeader {
    @CFNullable
    private Long masterBrokerId;
    @CFNullable
    private String masterAddress;
    @CFNullable
    private Integer masterEpoch;
    @CFNullable
    private Integer syncStateSetEpoch;

    public ElectMasterResponseHeader() {
    }

    public Long getMasterBrokerId() {
        return masterBrokerId;
    }

    public void setMasterBrokerId(Long masterBrokerId) {
        this.masterBrokerId = masterBrokerId;
    }

    public String getMasterAddress() {
        return masterAddress;
    }

    public void setMasterAddress(String masterAddress) {
        this.masterAddress = masterAddress;
    }

    public Integer getMasterEpoch() {
        return masterEpoch;
    }

    public void setMasterEpoch(Integer masterEpoch) {
        this.masterEpoch = masterEpoch;
    }

    public Integer getSyncStateSetEpoch() {
        return syncStateSetEpoch;
    }

    public void setSyncStateSetEpoch(Integer syncStateSetEpoch) {
        this.syncStateSetEpoch = syncStateSetEpoch;
    }

    @Override
    public String toString() {
        return "ElectMasterResponseHeader [masterBrokerId=" + masterBrokerId + ", masterAddress=" + masterAddress + ", masterEpoch=" + masterEpoch + ", syncStateSetEpoch=" + syncStateSetEpoch + "]";
    }
}
