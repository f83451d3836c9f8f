package org.mercurymq.client.consumer.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.mercurymq.client.exception.MQBrokerException;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.FindBrokerResult;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.exception.RemotingException;
import org.mercurymq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.mercurymq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offsets of a clustering consumer group, kept by the broker of each queue (docs/protocol/behaviour.md §7): read with
 * QUERY_CONSUMER_OFFSET (none stored ⇒ −1, unreachable ⇒ −2), written with UPDATE_CONSUMER_OFFSET
 * (oneway every 5 s, sync on demand). Thread-safe.
 */
public class RemoteBrokerOffsetStore implements OffsetStore {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteBrokerOffsetStore.class);
    private static final long QUERY_TIMEOUT_MILLIS = 5000;

    /** Broker addresses of the routes (refreshed on a miss). */
    private final MQClientInstance mQClientFactory;
    private final MQClientAPIImpl api;
    private final long timeoutMillis;
    private final String groupName;
    private final OffsetTable offsets = new OffsetTable();

    public RemoteBrokerOffsetStore(MQClientInstance mQClientFactory, String groupName) {
        this.mQClientFactory = mQClientFactory;
        this.api = mQClientFactory.getMQClientAPIImpl();
        this.timeoutMillis = mQClientFactory.getClientConfig().getMqClientApiTimeout();
        this.groupName = groupName;
    }

    @Override
    public void load() {
    }

    @Override
    public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
        offsets.update(mq, offset, increaseOnly);
    }

    @Override
    public long readOffset(MessageQueue mq, ReadOffsetType type) {
        if (mq == null) {
            return -1;
        }
        if (type == ReadOffsetType.READ_FROM_MEMORY || type == ReadOffsetType.MEMORY_FIRST_THEN_STORE) {
            long v = offsets.read(mq);
            if (v >= 0 || type == ReadOffsetType.READ_FROM_MEMORY) {
                return v;
            }
        }
        try {
            long brokerOffset = fetchConsumeOffsetFromBroker(mq);
            offsets.update(mq, brokerOffset, false);
            return brokerOffset;
        } catch (MQBrokerException e) {
            return -1;
        } catch (Exception e) {
            LOG.warn("offset of {} for group {} could not be read from the broker: {}", mq, groupName, e.toString());
            return -2;
        }
    }

    @Override
    public void persistAll(Set<MessageQueue> mqs) {
        if (mqs == null || mqs.isEmpty()) {
            return;
        }
        List<MessageQueue> unused = new ArrayList<MessageQueue>();
        for (Map.Entry<MessageQueue, AtomicLong> e : offsets.entries().entrySet()) {
            MessageQueue mq = e.getKey();
            if (mqs.contains(mq)) {
                try {
                    updateConsumeOffsetToBroker(mq, e.getValue().get(), true);
                } catch (Exception ex) {
                    LOG.warn("persisting offset {} of {} for group {} failed: {}", e.getValue().get(), mq, groupName, ex.toString());
                }
            } else {
                unused.add(mq);
            }
        }
        for (MessageQueue mq : unused) {
            offsets.remove(mq);
            LOG.info("group {} no longer holds {}, forgetting its offset", groupName, mq);
        }
    }

    /** Persists synchronously, so the broker has the offsets before the caller goes on (shutdown). */
    public void persistAllSync(Set<MessageQueue> mqs) {
        for (Map.Entry<MessageQueue, AtomicLong> e : offsets.entries().entrySet()) {
            if (mqs.contains(e.getKey())) {
                try {
                    updateConsumeOffsetToBroker(e.getKey(), e.getValue().get(), false);
                } catch (Exception ex) {
                    LOG.warn("persisting offset {} of {} for group {} failed: {}", e.getValue().get(), e.getKey(), groupName,
                        ex.toString());
                }
            }
        }
    }

    @Override
    public void persist(MessageQueue mq) {
        long offset = offsets.read(mq);
        if (offset < 0) {
            return;
        }
        try {
            updateConsumeOffsetToBroker(mq, offset, true);
        } catch (Exception e) {
            LOG.warn("persisting offset {} of {} for group {} failed: {}", offset, mq, groupName, e.toString());
        }
    }

    @Override
    public void removeOffset(MessageQueue mq) {
        offsets.remove(mq);
    }

    @Override
    public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
        return offsets.copy(topic);
    }

    @Override
    public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        FindBrokerResult broker = findBroker(mq);
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setConsumerGroup(groupName);
        header.setQueueId(mq.getQueueId());
        header.setCommitOffset(offset);
        header.setBname(mq.getBrokerName());
        long timeout = timeoutMillis;
        if (isOneway) {
            api.updateConsumerOffsetOneway(broker.getBrokerAddr(), header, timeout);
        } else {
            api.updateConsumerOffset(broker.getBrokerAddr(), header, timeout);
        }
    }

    private FindBrokerResult findBroker(MessageQueue mq) throws MQClientException {
        FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), BrokerConstants.MASTER_ID, true);
        if (broker == null) {
            mQClientFactory.updateTopicRouteInfoFromNameServer(mq.getTopic());
            broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), BrokerConstants.MASTER_ID, false);
        }
        if (broker == null) {
            throw new MQClientException("The broker[" + mq.getBrokerName() + "] not exist", null);
        }
        return broker;
    }

    private long fetchConsumeOffsetFromBroker(MessageQueue mq)
        throws RemotingException, MQBrokerException, InterruptedException, MQClientException {
        FindBrokerResult broker = findBroker(mq);
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setTopic(mq.getTopic());
        header.setConsumerGroup(groupName);
        header.setQueueId(mq.getQueueId());
        header.setBname(mq.getBrokerName());
        return api.queryConsumerOffset(broker.getBrokerAddr(), header, QUERY_TIMEOUT_MILLIS);
    }
}
