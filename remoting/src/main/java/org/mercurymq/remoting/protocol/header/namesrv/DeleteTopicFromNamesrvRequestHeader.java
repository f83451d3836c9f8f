package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.annotation.CFNullable;

/** Request header of DELETE_TOPIC_IN_NAMESRV (216). Not thread-safe. */
public class DeleteTopicFromNamesrvRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;
    /** When set, only that cluster's brokers are removed from the topic. */
    @CFNullable
    private String clusterName;

    public DeleteTopicFromNamesrvRequestHeader() {
    }

    public DeleteTopicFromNamesrvRequestHeader(String topic, String clusterName) {
        this.topic = topic;
        this.clusterName = clusterName;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getClusterName() {
        return clusterName;
    }

    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }

    @Override
    public String toString() {
        return "DeleteTopicFromNamesrvRequestHeader [topic=" + topic + ", clusterName=" + clusterName + "]";
    }
}
