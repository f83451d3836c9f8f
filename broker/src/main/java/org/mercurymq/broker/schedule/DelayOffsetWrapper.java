package org.mercurymq.broker.schedule;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** delayOffset.json: delay level → next offset in its SCHEDULE_TOPIC_XXXX queue, {@code {"offsetTable":{1:0,3:17}}}. Bean. */
public class DelayOffsetWrapper {
    private ConcurrentMap<Integer, Long> offsetTable = new ConcurrentHashMap<>(32);

    public ConcurrentMap<Integer, Long> getOffsetTable() {
        return offsetTable;
    }

    public void setOffsetTable(ConcurrentMap<Integer, Long> offsetTable) {
        this.offsetTable = offsetTable;
    }
}
