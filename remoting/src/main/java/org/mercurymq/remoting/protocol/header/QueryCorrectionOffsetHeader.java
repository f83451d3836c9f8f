package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.CommandCustomHeader;

/** QUERY_CORRECTION_OFFSET (308) request header. Bean; not thread-safe. */
public class QueryCorrectionOffsetHeader implements CommandCustomHeader {
    private String filterGroups;
    private String compareGroup;
    private String topic;

    public String getFilterGroups() {
        return filterGroups;
    }

    public void setFilterGroups(String filterGroups) {
        this.filterGroups = filterGroups;
    }

    public String getCompareGroup() {
        return compareGroup;
    }

    public void setCompareGroup(String compareGroup) {
        this.compareGroup = compareGroup;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }
}
