package org.mercurymq.remoting.protocol.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** GET_BROKER_CONSUME_STATS (317) reply: per group, per topic consume stats of one broker. JSON bean; not thread-safe. */
public class ConsumeStatsList extends RemotingSerializable {
    private List<Map<String, List<ConsumeStats>>> consumeStatsList = new ArrayList<Map<String, List<ConsumeStats>>>();
    private String brokerAddr;
    private long totalDiff;

    public List<Map<String, List<ConsumeStats>>> getConsumeStatsList() {
        return consumeStatsList;
    }

    public void setConsumeStatsList(List<Map<String, List<ConsumeStats>>> consumeStatsList) {
        this.consumeStatsList = consumeStatsList;
    }

    public String getBrokerAddr() {
        return brokerAddr;
    }

    public void setBrokerAddr(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }

    public long getTotalDiff() {
        return totalDiff;
    }

    public void setTotalDiff(long totalDiff) {
        this.totalDiff = totalDiff;
    }
}
