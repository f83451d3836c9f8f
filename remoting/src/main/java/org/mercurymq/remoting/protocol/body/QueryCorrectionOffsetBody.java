package org.mercurymq.remoting.protocol.body;

import java.util.HashMap;
import java.util.Map;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** QUERY_CORRECTION_OFFSET (308) reply: queueId → corrected offset. JSON bean; not thread-safe. */
public class QueryCorrectionOffsetBody extends RemotingSerializable {
    private Map<Integer, Long> correctionOffsets = new HashMap<Integer, Long>();

    public Map<Integer, Long> getCorrectionOffsets() {
        return correctionOffsets;
    }

    public void setCorrectionOffsets(Map<Integer, Long> correctionOffsets) {
        this.correctionOffsets = correctionOffsets;
    }
}
