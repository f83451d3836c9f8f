package org.mercurymq.remoting.protocol.body;

import java.util.HashSet;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** GET_PRODUCER_CONNECTION_LIST (204) reply. JSON bean; not thread-safe. */
public class ProducerConnection extends RemotingSerializable {
    private HashSet<Connection> connectionSet = new HashSet<Connection>();

    public HashSet<Connection> getConnectionSet() {
        return connectionSet;
    }

    public void setConnectionSet(HashSet<Connection> connectionSet) {
        this.connectionSet = connectionSet;
    }
}
