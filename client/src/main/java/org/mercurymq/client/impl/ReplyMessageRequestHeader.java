package org.mercurymq.client.impl;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** PUSH_REPLY_MESSAGE_TO_CLIENT (326) request header: the stored reply message's fields. Field names are the wire keys. Not thread-safe. */
public class ReplyMessageRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String producerGroup;
    @CFNotNull
    private String topic;
    @CFNotNull
    private String defaultTopic;
    @CFNotNull
    private Integer defaultTopicQueueNums;
    @CFNotNull
    private Integer queueId;
    @CFNotNull
    private Integer sysFlag;
    @CFNotNull
    private Long bornTimestamp;
    @CFNotNull
    private Integer flag;
    private String properties;
    private Integer reconsumeTimes;
    private boolean unitMode = false;
    @CFNotNull
    private String bornHost;
    @CFNotNull
    private String storeHost;
    @CFNotNull
    private long storeTimestamp;

    public String getProducerGroup() {
        return producerGroup;
    }

    public String getTopic() {
        return topic;
    }

    public Integer getQueueId() {
        return queueId;
    }

    public Integer getSysFlag() {
        return sysFlag;
    }

    public Long getBornTimestamp() {
        return bornTimestamp;
    }

    public Integer getFlag() {
        return flag;
    }

    public String getProperties() {
        return properties;
    }

    public Integer getReconsumeTimes() {
        return reconsumeTimes;
    }

    public String getBornHost() {
        return bornHost;
    }

    public String getStoreHost() {
        return storeHost;
    }

    public long getStoreTimestamp() {
        return storeTimestamp;
    }
}
