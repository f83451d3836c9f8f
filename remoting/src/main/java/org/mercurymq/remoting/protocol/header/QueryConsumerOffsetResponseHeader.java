package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.CommandCustomHeader;

/** QUERY_CONSUMER_OFFSET reply. Field names are the wire keys. */
public class QueryConsumerOffsetResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private Long offset;

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }
}
