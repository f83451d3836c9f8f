package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** Request header of GET_TOPICS_BY_CLUSTER (224). Not thread-safe. */
public class GetTopicsByClusterRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String cluster;

    public GetTopicsByClusterRequestHeader() {
    }

    public GetTopicsByClusterRequestHeader(String cluster) {
        this.cluster = cluster;
    }

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    @Override
    public String toString() {
        return "GetTopicsByClusterRequestHeader [cluster=" + cluster + "]";
    }
}
