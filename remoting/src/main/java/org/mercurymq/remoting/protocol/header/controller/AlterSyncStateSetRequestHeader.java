package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** CONTROLLER_ALTER_SYNC_STATE_SET (1001): the master proposes a new SyncStateSet (body) under its epoch. Not thread-safe. */
public class AlterSyncStateSetRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String brokerName;
    @CFNotNull
    private Long masterBrokerId;
    @CFNotNull
    private Integer masterEpoch;

    public AlterSyncStateSetRequestHeader() {
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public Long getMasterBrokerId() {
        return masterBrokerId;
    }

    public void setMasterBrokerId(Long masterBrokerId) {
        this.masterBrokerId = masterBrokerId;
    }

    public Integer getMasterEpoch() {
        return masterEpoch;
    }

    public void setMasterEpoch(Integer masterEpoch) {
        this.masterEpoch = masterEpoch;
    }

    @Override
    public String toString() {
        return "AlterSyncStateSetRequestHeader [brokerName=" + brokerName + ", masterBrokerId=" + masterBrokerId + ", masterEpoch=" + masterEpoch + "]";
    }
}
