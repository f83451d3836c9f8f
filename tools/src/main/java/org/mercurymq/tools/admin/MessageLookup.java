package org.mercurymq.tools.admin;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageId;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * Finds messages: by offset message id (the id names the broker and the commit-log offset, so one
 * VIEW_MESSAGE_BY_ID answers), or by key / unique key (QUERY_MESSAGE to one address of every broker of the
 * topic, results filtered here as the broker's index may hold hash collisions). Thread-safe.
 */
final class MessageLookup {
    private final NamesrvAdminApi namesrv;
    private final BrokerAdminApi broker;

    MessageLookup(NamesrvAdminApi namesrv, BrokerAdminApi broker) {
        this.namesrv = namesrv;
        this.broker = broker;
    }

    /** The broker address and commit-log offset an offset message id stands for. */
    static MessageId decodeOffsetMsgId(String msgId) throws MQAdminException {
        try {
            MessageId id = MessageDecoder.decodeMessageId(msgId);
            InetSocketAddress a = (InetSocketAddress) id.getAddress();
            if (id.getOffset() < 0) {
                throw new IllegalArgumentException("negative offset");
            }
            return new MessageId(a, id.getOffset());
        } catch (UnknownHostException | RuntimeException e) {
            throw new MQAdminException("'" + msgId + "' is not an offset message id (32 hex chars for IPv4: host, port,"
                + " commit-log offset); a producer's unique key is looked up with queryMsgByUniqueKey -t topic -i id");
        }
    }

    MessageExt viewMessage(String msgId) throws RemotingException, MQAdminException, InterruptedException {
        MessageId id = decodeOffsetMsgId(msgId);
        InetSocketAddress a = (InetSocketAddress) id.getAddress();
        return broker.viewMessage(a.getAddress().getHostAddress() + ":" + a.getPort(), id.getOffset());
    }

    QueryResult query(String topic, String key, int maxNum, long begin, long end, boolean uniqueKey)
        throws RemotingException, MQAdminException, InterruptedException {
        TopicRouteData route = namesrv.topicRoute(topic);
        List<MessageExt> found = new ArrayList<>();
        long indexTime = 0;
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            QueryResult r = broker.queryMessage(addr, topic, key, maxNum, begin, end, uniqueKey);
            indexTime = Math.max(indexTime, r.getIndexLastUpdateTimestamp());
            for (MessageExt m : r.getMessageList()) {
                if (matches(m, topic, key, uniqueKey)) {
                    found.add(m);
                }
            }
        }
        if (found.isEmpty()) {
            throw new MQAdminException(ResponseCode.NO_MESSAGE.code(), "query message by " + (uniqueKey ? "unique key" : "key")
                + " finished, but no message: topic=" + topic + " key=" + key, null);
        }
        return new QueryResult(indexTime, found);
    }

    private static boolean matches(MessageExt m, String topic, String key, boolean uniqueKey) {
        if (!topic.equals(m.getTopic())) {
            return false;
        }
        if (uniqueKey) {
            return key.equals(m.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX)) || key.equals(m.getMsgId());
        }
        String keys = m.getKeys();
        return keys != null && Arrays.asList(keys.split(MessageConst.KEY_SEPARATOR)).contains(key);
    }
}
