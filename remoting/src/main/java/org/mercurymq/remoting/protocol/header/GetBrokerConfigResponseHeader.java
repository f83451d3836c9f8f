package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.CommandCustomHeader;

/** GET_BROKER_CONFIG (26) reply: the DataVersion JSON. Field names are the wire keys. */
public class GetBrokerConfigResponseHeader implements CommandCustomHeader {
    @CFNotNull
    private String version;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }
}
