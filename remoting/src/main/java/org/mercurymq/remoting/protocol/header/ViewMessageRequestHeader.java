package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.CommandCustomHeader;

/** VIEW_MESSAGE_BY_ID (33) request: commit-log physical offset. Field names are the wire keys. */
public class ViewMessageRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private Long offset;
    private String bname;

    public Long getOffset() {
        return offset;
    }

    public void setOffset(Long offset) {
        this.offset = offset;
    }

    public String getBname() {
        return bname;
    }

    public void setBname(String bname) {
        this.bname = bname;
    }
}
