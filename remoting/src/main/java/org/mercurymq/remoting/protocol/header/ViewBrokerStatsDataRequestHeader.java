package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** VIEW_BROKER_STATS_DATA (315). Field names are the wire keys. Bean; not thread-safe. */
public class ViewBrokerStatsDataRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String statsName;
    @CFNotNull
    private String statsKey;

    public String getStatsName() {
        return statsName;
    }

    public void setStatsName(String statsName) {
        this.statsName = statsName;
    }

    public String getStatsKey() {
        return statsKey;
    }

    public void setStatsKey(String statsKey) {
        this.statsKey = statsKey;
    }
}
