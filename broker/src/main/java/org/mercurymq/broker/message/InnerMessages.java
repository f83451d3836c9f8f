package org.mercurymq.broker.message;

import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.sysflag.MessageSysFlag;
import org.mercurymq.store.MessageExtBrokerInner;

/**
 * Builds the messages the broker hands to the store (docs/protocol/message-format.md §9): properties parsed once, the
 * tags code, and — by {@link #seal} just before the put — the stored property string with {@code CLUSTER}
 * added and {@code WAIT} removed (the map keeps WAIT so the store still sees the producer's choice).
 * Stateless and thread-safe.
 */
public final class InnerMessages {
    private InnerMessages() {
    }

    /** A new message with everything of {@code from} a re-store keeps: body, flag, properties, born data, retries. */
    public static MessageExtBrokerInner copyOf(MessageExt from, SocketAddress storeHost) {
        MessageExtBrokerInner inner = new MessageExtBrokerInner();
        inner.setTopic(from.getTopic());
        inner.setBody(from.getBody());
        inner.setFlag(from.getFlag());
        MessageAccessor.setProperties(inner, new HashMap<>(from.getProperties() == null
            ? new HashMap<String, String>() : from.getProperties()));
        inner.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(inner.getTags()));
        inner.setQueueId(from.getQueueId());
        inner.setSysFlag(from.getSysFlag());
        inner.setBornTimestamp(from.getBornTimestamp());
        inner.setBornHost(from.getBornHost());
        inner.setStoreHost(storeHost);
        inner.setReconsumeTimes(from.getReconsumeTimes());
        return inner;
    }

    /** Parses a property string into the message's map (null or empty → empty map). */
    public static void setProperties(MessageExtBrokerInner inner, String properties) {
        // string2messageProperties answers a new HashMap of its own: no copy needed
        Map<String, String> map = MessageDecoder.string2messageProperties(properties);
        MessageAccessor.setProperties(inner, map);
        inner.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(map.get(MessageConst.PROPERTY_TAGS)));
    }

    /** Fixes the stored property string: CLUSTER added, WAIT left out. Call after the last property change. */
    public static void seal(MessageExtBrokerInner inner, String clusterName) {
        Map<String, String> props = inner.getProperties();
        if (clusterName != null) {
            props.put(MessageConst.PROPERTY_CLUSTER, clusterName);
        }
        inner.setPropertiesString(MessageDecoder.messageProperties2String(props, MessageConst.PROPERTY_WAIT_STORE_MSG_OK));
        inner.setTagsCode(MessageExtBrokerInner.tagsString2tagsCode(props.get(MessageConst.PROPERTY_TAGS)));
    }

    public static boolean isTransactionPrepared(MessageExtBrokerInner inner) {
        return "true".equals(inner.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED));
    }

    public static int transactionType(int sysFlag) {
        return MessageSysFlag.getTransactionValue(sysFlag);
    }
}
