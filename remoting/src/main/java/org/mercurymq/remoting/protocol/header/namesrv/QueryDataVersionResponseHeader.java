package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** Reply header of QUERY_DATA_VERSION: whether the broker's topic data differ from what the name server holds. Not thread-safe. */
public class QueryDataVersionResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Boolean changed;

    public QueryDataVersionResponseHeader() {
    }

    public QueryDataVersionResponseHeader(Boolean changed) {
        this.changed = changed;
    }

    public Boolean getChanged() {
        return changed;
    }

    public void setChanged(Boolean changed) {
        this.changed = changed;
    }

    @Override
    public String toString() {
        return "QueryDataVersionResponseHeader [changed=" + changed + "]";
    }
}
