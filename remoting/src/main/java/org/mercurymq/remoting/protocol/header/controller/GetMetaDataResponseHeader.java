package org.mercurymq.remoting.protocol.header.controller;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNullable;

/** Reply header of CONTROLLER_GET_METADATA_INFO (1005): the controller group and its current leader. Not thread-safe. */
public class GetMetaDataResponseHeader implements CommandCustomHeader {
    @CFNullable
    private String group;
    @CFNullable
    private String controllerLeaderId;
    @CFNullable
    private String controllerLeaderAddress;
    @CFNullable
    private Boolean isLeader;
    @CFNullable
    private String peers;

    public GetMetaDataResponseHeader() {
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getControllerLeaderId() {
        return controllerLeaderId;
    }

    public void setControllerLeaderId(String controllerLeaderId) {
        this.controllerLeaderId = controllerLeaderId;
    }

    public String getControllerLeaderAddress() {
        return controllerLeaderAddress;
    }

    public void setControllerLeaderAddress(String controllerLeaderAddress) {
        this.controllerLeaderAddress = controllerLeaderAddress;
    }

    public Boolean getIsLeader() {
        return isLeader;
    }

    public void setIsLeader(Boolean isLeader) {
        this.isLeader = isLeader;
    }

    public String getPeers() {
        return peers;
    }

    public void setPeers(String peers) {
        this.peers = peers;
    }

    @Override
    public String toString() {
        return "GetMetaDataResponseHeader [group=" + group + ", controllerLeaderId=" + controllerLeaderId + ", controllerLeaderAddress=" + controllerLeaderAddress + ", isLeader=" + isLeader + ", peers=" + peers + "]";
    }
}
