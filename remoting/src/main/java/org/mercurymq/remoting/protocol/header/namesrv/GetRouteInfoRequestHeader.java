package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.annotation.CFNullable;

/** Request header of GET_ROUTEINFO_BY_TOPIC (105). Not thread-safe. */
public class GetRouteInfoRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String topic;
    /** True asks for quoted numeric keys whatever the request version (not sent by 4.9.7 clients). */
    @CFNullable
    private Boolean acceptStandardJsonOnly;

    public GetRouteInfoRequestHeader() {
    }

    public GetRouteInfoRequestHeader(String topic, Boolean acceptStandardJsonOnly) {
        this.topic = topic;
        this.acceptStandardJsonOnly = acceptStandardJsonOnly;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Boolean getAcceptStandardJsonOnly() {
        return acceptStandardJsonOnly;
    }

    public void setAcceptStandardJsonOnly(Boolean acceptStandardJsonOnly) {
        this.acceptStandardJsonOnly = acceptStandardJsonOnly;
    }

    @Override
    public String toString() {
        return "GetRouteInfoRequestHeader [topic=" + topic + ", acceptStandardJsonOnly=" + acceptStandardJsonOnly + "]";
    }
}
