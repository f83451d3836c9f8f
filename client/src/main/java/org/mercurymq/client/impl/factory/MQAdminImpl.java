package org.mercurymq.client.impl.factory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mercurymq.client.QueryResult;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.common.PermName;
import org.mercurymq.common.TopicConfig;
import org.mercurymq.common.message.MessageClientIDSetter;
import org.mercurymq.common.message.MessageConst;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.common.message.MessageExt;
import org.mercurymq.common.message.MessageId;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.common.RemotingHelper;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.ResponseCode;
import org.mercurymq.remoting.protocol.header.QueryMessageRequestHeader;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * The {@code MQAdmin} operations every producer and consumer offers: queue lists from routes, offsets
 * by queue, topic creation on the brokers holding a key topic, and message lookups by id or key.
 * Thread-safe.
 */
public class MQAdminImpl {
    private static final long TIMEOUT_MILLIS = 6000;

    private final MQClientAPIImpl api;
    private final long timeoutMillis;
    /** Broker addresses of routes already known, refreshed on a miss. */
    private final MQClientInstance routes;

    public MQAdminImpl(MQClientAPIImpl api, long timeoutMillis, MQClientInstance routes) {
        this.api = api;
        this.timeoutMillis = timeoutMillis;
        this.routes = routes;
    }

    private long timeout() {
        return timeoutMillis;
    }

    /** The route of {@code topic} fresh from the name server (not cached). */
    public TopicRouteData fetchRoute(String topic) throws MQClientException {
        try {
            return api.getTopicRouteInfoFromNameServer(topic, timeout(), false);
        } catch (RemotingException e) {
            throw new MQClientException("Can not find Message Queue for this topic, " + topic + ": name server "
                + api.getNameServerAddressList() + " not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MQClientException("interrupted while fetching the route of " + topic, e);
        }
    }

    public void createTopic(String key, String newTopic, int queueNum, int topicSysFlag) throws MQClientException {
        TopicRouteData route = fetchRoute(key);
        boolean created = false;
        StringBuilder errors = new StringBuilder();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.masterAddr();
            if (addr == null) {
                continue;
            }
            TopicConfig config = new TopicConfig(newTopic, queueNum, queueNum, PermName.PERM_READ_WRITE).withTopicSysFlag(topicSysFlag);
            try {
                api.createTopic(addr, key, config, TIMEOUT_MILLIS);
                created = true;
            } catch (Exception e) {
                errors.append(addr).append(": ").append(e.getMessage()).append("; ");
            }
        }
        if (!created) {
            throw new MQClientException("create topic " + newTopic + " failed on every broker holding " + key + ": " + errors, null);
        }
    }

    public Set<MessageQueue> fetchSubscribeMessageQueues(String topic) throws MQClientException {
        Set<MessageQueue> queues = TopicRouteCache.subscribeQueues(topic, fetchRoute(topic));
        if (queues.isEmpty()) {
            throw new MQClientException("Can not find Message Queue for this topic, " + topic + " Namesrv return empty", null);
        }
        return new HashSet<MessageQueue>(queues);
    }

    /** Master of the queue's broker, fetching the topic's route first when the broker is unknown. */
    private String brokerAddr(MessageQueue mq) throws MQClientException {
        String addr = routes.findBrokerAddressInPublish(mq.getBrokerName());
        if (addr == null) {
            routes.updateTopicRouteInfoFromNameServer(mq.getTopic());
            addr = routes.findBrokerAddressInPublish(mq.getBrokerName());
        }
        if (addr == null) {
            throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
        }
        return addr;
    }

    public long searchOffset(MessageQueue mq, long timestamp) throws MQClientException {
        String addr = brokerAddr(mq);
        try {
            return api.searchOffset(addr, mq.getTopic(), mq.getQueueId(), timestamp,
                mq.getBrokerName(), timeout());
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long maxOffset(MessageQueue mq) throws MQClientException {
        String addr = brokerAddr(mq);
        try {
            return api.getMaxOffset(addr, mq.getTopic(), mq.getQueueId(), mq.getBrokerName(), timeout());
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long minOffset(MessageQueue mq) throws MQClientException {
        String addr = brokerAddr(mq);
        try {
            return api.getMinOffset(addr, mq.getTopic(), mq.getQueueId(), mq.getBrokerName(), timeout());
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    public long earliestMsgStoreTime(MessageQueue mq) throws MQClientException {
        String addr = brokerAddr(mq);
        try {
            return api.getEarliestMsgStoretime(addr, mq.getTopic(), mq.getQueueId(),
                mq.getBrokerName(), timeout());
        } catch (Exception e) {
            throw new MQClientException("Invoke Broker[" + addr + "] exception", e);
        }
    }

    /** By broker offset id: connect to the store host it names and view by commit-log offset. */
    public MessageExt viewMessage(String offsetMsgId)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        MessageId id;
        try {
            id = MessageDecoder.decodeMessageId(offsetMsgId);
        } catch (Exception e) {
            throw new MQClientException(ResponseCode.NO_MESSAGE.code(), "query message by id finished, but no message.");
        }
        InetSocketAddress a = (InetSocketAddress) id.getAddress();
        String addr = RemotingHelper.parseSocketAddressAddr(a);
        return api.viewMessage(addr, id.getOffset(), timeout());
    }

    /** By client id (UNIQ_KEY) first, then as a broker offset id. */
    public MessageExt queryMessageByUniqKey(String topic, String msgId) throws MQClientException, InterruptedException {
        long begin = MessageClientIDSetter.getNearlyTimeFromID(msgId).getTime() - 1000;
        QueryResult r = queryMessage(topic, msgId, 32, begin, Long.MAX_VALUE, true);
        if (!r.getMessageList().isEmpty()) {
            return r.getMessageList().get(0);
        }
        return null;
    }

    public QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end)
        throws MQClientException, InterruptedException {
        return queryMessage(topic, key, maxNum, begin, end, false);
    }

    /** Asks one address per broker name of the topic and filters the replies by key and topic. */
    QueryResult queryMessage(String topic, String key, int maxNum, long begin, long end, boolean uniqKey)
        throws MQClientException, InterruptedException {
        TopicRouteData route = fetchRoute(topic);
        List<MessageExt> found = new ArrayList<MessageExt>();
        for (BrokerData bd : route.getBrokerDatas()) {
            String addr = bd.selectBrokerAddr();
            if (addr == null) {
                continue;
            }
            QueryMessageRequestHeader header = new QueryMessageRequestHeader();
            header.setTopic(topic);
            header.setKey(key);
            header.setMaxNum(maxNum);
            header.setBeginTimestamp(begin);
            header.setEndTimestamp(end);
            try {
                for (MessageExt m : api.queryMessage(addr, header, uniqKey, TIMEOUT_MILLIS)) {
                    if (matches(m, topic, key, uniqKey)) {
                        found.add(m);
                    }
                }
            } catch (RemotingException e) {
                throw new MQClientException("query message from " + addr + " failed: " + e.getMessage(), e);
            } catch (MQBrokerException e) {
                throw new MQClientException(e.getResponseCode(), e.getErrorMessage());
            }
        }
        if (found.isEmpty()) {
            throw new MQClientException(ResponseCode.NO_MESSAGE.code(), "query message by key finished, but no message.");
        }
        return new QueryResult(System.currentTimeMillis(), found);
    }

    private static boolean matches(MessageExt m, String topic, String key, boolean uniqKey) {
        if (!topic.equals(m.getTopic())) {
            return false;
        }
        if (uniqKey) {
            return key.equals(m.getMsgId());
        }
        String keys = m.getKeys();
        if (keys == null) {
            return false;
        }
        for (String k : keys.split(MessageConst.KEY_SEPARATOR)) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
