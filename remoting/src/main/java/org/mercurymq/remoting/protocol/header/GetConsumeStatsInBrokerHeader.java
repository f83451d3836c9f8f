package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.CommandCustomHeader;

/** GET_BROKER_CONSUME_STATS (317) request header (field name as on the wire). Bean; not thread-safe. */
public class GetConsumeStatsInBrokerHeader implements CommandCustomHeader {
    private boolean isOrder;

    public boolean isIsOrder() {
        return isOrder;
    }

    public void setIsOrder(boolean isOrder) {
        this.isOrder = isOrder;
    }
}
