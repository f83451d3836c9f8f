package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.CommandCustomHeader;

/** GET_PRODUCER_CONNECTION_LIST (204). Field names are the wire keys. */
public class GetProducerConnectionListRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String producerGroup;
    private String bname;

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public String getBname() {
        return bname;
    }

    public void setBname(String bname) {
        this.bname = bname;
    }
}
