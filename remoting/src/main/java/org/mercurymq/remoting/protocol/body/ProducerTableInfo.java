package org.mercurymq.remoting.protocol.body;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** GET_ALL_PRODUCER_INFO (328) reply: producer group → its clients. JSON bean; not thread-safe. */
public class ProducerTableInfo extends RemotingSerializable {
    private Map<String, List<ProducerInfo>> data = new TreeMap<String, List<ProducerInfo>>();

    public Map<String, List<ProducerInfo>> getData() {
        return data;
    }

    public void setData(Map<String, List<ProducerInfo>> data) {
        this.data = data;
    }
}
