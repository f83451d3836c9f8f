package org.mercurymq.store;

import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;

/**
 * A message as the broker hands it to the store: a {@link MessageExt} plus the encoded property string
 * and the tags code. Not thread-safe.
 */
public class MessageExtBrokerInner extends MessageExt {
    private static final long serialVersionUID = 7256001576878700634L;
    private String propertiesString;
    private long tagsCode;

    public static long tagsString2tagsCode(String tags) {
        if (tags == null || tags.isEmpty()) {
            return 0;
        }
        return tags.hashCode();
    }

    /** The encoded properties; derived from the property map when not set explicitly. */
    public String getPropertiesString() {
        if (propertiesString == null) {
            return MessageDecoder.messageProperties2String(getProperties());
        }
        return propertiesString;
    }

    public void setPropertiesString(String propertiesString) {
        this.propertiesString = propertiesString;
    }

    public long getTagsCode() {
        return tagsCode;
    }

    public void setTagsCode(long tagsCode) {
        this.tagsCode = tagsCode;
    }
}
