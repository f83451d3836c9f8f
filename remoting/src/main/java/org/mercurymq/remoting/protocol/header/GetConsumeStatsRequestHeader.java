package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.CommandCustomHeader;

/** GET_CONSUME_STATS (208). Field names are the wire keys. */
public class GetConsumeStatsRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String consumerGroup;
    private String topic;
    private String bname;

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getBname() {
        return bname;
    }

    public void setBname(String bname) {
        this.bname = bname;
    }
}
