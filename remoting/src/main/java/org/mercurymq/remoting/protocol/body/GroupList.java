package org.mercurymq.remoting.protocol.body;

import java.util.HashSet;
import org.mercurymq.remoting.protocol.RemotingSerializable;

/** QUERY_TOPIC_CONSUME_BY_WHO (300) reply, {@code {"groupList":[…]}}. JSON bean; not thread-safe. */
public class GroupList extends RemotingSerializable {
    private HashSet<String> groupList = new HashSet<String>();

    public HashSet<String> getGroupList() {
        return groupList;
    }

    public void setGroupList(HashSet<String> groupList) {
        this.groupList = groupList;
    }
}
