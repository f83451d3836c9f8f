package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.CommandCustomHeader;

/** QUERY_TOPIC_CONSUME_BY_WHO (300). Field names are the wire keys. */
public class QueryTopicConsumeByWhoRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;
    private String bname;

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
