package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNullable;

/** Reply header of GET_KV_CONFIG. Not thread-safe. */
public class GetKVConfigResponseHeader implements CommandCustomHeader {
    @CFNullable
    private String value;

    public GetKVConfigResponseHeader() {
    }

    public GetKVConfigResponseHeader(String value) {
        this.value = value;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "GetKVConfigResponseHeader [value=" + value + "]";
    }
}
