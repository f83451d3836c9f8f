package org.mercurymq.remoting.protocol.header.namesrv;

import org.mercurymq.remoting.CommandCustomHeader;
import org.mercurymq.remoting.annotation.CFNotNull;

/** Request header of GET_KVLIST_BY_NAMESPACE (219). Not thread-safe. */
public class GetKVListByNamespaceRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String namespace;

    public GetKVListByNamespaceRequestHeader() {
    }

    public GetKVListByNamespaceRequestHeader(String namespace) {
        this.namespace = namespace;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public String toString() {
        return "GetKVListByNamespaceRequestHeader [namespace=" + namespace + "]";
    }
}
