package org.mercurymq.remoting.protocol.body;

import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** CHECK_CLIENT_CONFIG (46) request: a group's subscription to validate. JSON bean; not thread-safe. */
public class CheckClientRequestBody extends RemotingSerializable {
    private String clientId;
    private String group;
    private SubscriptionData subscriptionData;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public SubscriptionData getSubscriptionData() {
        return subscriptionData;
    }

    public void setSubscriptionData(SubscriptionData subscriptionData) {
        this.subscriptionData = subscriptionData;
    }
}
