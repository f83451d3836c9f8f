package org.mercurymq.remoting.protocol.header;

import org.mercurymq.remoting.annotation.CFNotNull;
import org.mercurymq.remoting.CommandCustomHeader;

/** DELETE_SUBSCRIPTIONGROUP (207). Field names are the wire keys. */
public class DeleteSubscriptionGroupRequestHeader implements CommandCustomHeader {
    @CFNotNull
    private String groupName;
    private boolean removeOffset;
    private String bname;

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public boolean isRemoveOffset() {
        return removeOffset;
    }

    public void setRemoveOffset(boolean removeOffset) {
        this.removeOffset = removeOffset;
    }

    public String getBname() {
        return bname;
    }

    public void setBname(String bname) {
        this.bname = bname;
    }
}
