package org.mercurymq.client.trace;

import java.util.HashSet;
import java.util.Set;

/** The encoded text of one {@link TraceContext} and the keys the trace message must be findable by. Not thread-safe. */
public class TraceTransferBean {
    private String transData;
    private Set<String> transKey = new HashSet<String>();

    public String getTransData() {
        return transData;
    }

    public void setTransData(String transData) {
        this.transData = transData;
    }

    public Set<String> getTransKey() {
        return transKey;
    }

    public void setTransKey(Set<String> transKey) {
        this.transKey = transKey;
    }
}
