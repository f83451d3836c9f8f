package org.mercurymq.client.impl.body;

import java.util.ArrayList;
import java.util.List;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** GET_CONSUMER_LIST_BY_GROUP (38) reply body. Mutable bean; not thread-safe. */
public class GetConsumerListByGroupResponseBody extends RemotingSerializable {
    private List<String> consumerIdList = new ArrayList<String>();

    public List<String> getConsumerIdList() {
        return consumerIdList;
    }

    public void setConsumerIdList(List<String> consumerIdList) {
        this.consumerIdList = consumerIdList;
    }
}
