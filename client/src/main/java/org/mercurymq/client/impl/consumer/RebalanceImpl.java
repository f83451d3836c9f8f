package org.mercurymq.client.impl.consumer;

import java.time.Clock;
import org.mercurymq.client.impl.MQClientAPIImpl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mercurymq.client.consumer.AllocateMessageQueueStrategy;
import org.mercurymq.client.impl.FindBrokerResult;
import org.mercurymq.remoting.protocol.body.LockBatchRequestBody;
import org.mercurymq.remoting.protocol.body.UnlockBatchRequestBody;
import org.mercurymq.client.impl.factory.MQClientInstance;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which queues this client consumes (docs/protocol/behaviour.md §4): every readable queue when broadcasting;
 * in clustering, the share the allocation strategy gives this client among the group's sorted client
 * ids. Then drops queues no longer ours, creates state for new ones (starting where the stored offset
 * says), and, for orderly consumption, holds broker locks on them (docs/protocol/behaviour.md §12). Subclasses say
 * what a new or removed queue means for their consumer type. Thread-safe.
 */
public abstract class RebalanceImpl {
    private static final Logger LOG = LoggerFactory.getLogger(RebalanceImpl.class);
    private static final long LOCK_TIMEOUT_MILLIS = 1000;

    protected final ConcurrentMap<MessageQueue, ProcessQueue> processQueueTable = new ConcurrentHashMap<MessageQueue, ProcessQueue>(64);
    protected final ConcurrentMap<String, Set<MessageQueue>> topicSubscribeInfoTable = new ConcurrentHashMap<String, Set<MessageQueue>>();
    protected final ConcurrentMap<String, SubscriptionData> subscriptionInner = new ConcurrentHashMap<String, SubscriptionData>();
    protected volatile String consumerGroup;
    protected volatile MessageModel messageModel;
    protected volatile AllocateMessageQueueStrategy allocateMessageQueueStrategy;
    /** Routes (broker addresses), the group's client ids and the client id; not used for remote calls. */
    protected volatile MQClientInstance mQClientFactory;
    protected final MQClientAPIImpl api;
    protected final Clock clock;

    protected RebalanceImpl(String consumerGroup, MessageModel messageModel, AllocateMessageQueueStrategy strategy,
                            MQClientInstance mQClientFactory, MQClientAPIImpl api, Clock clock) {
        this.consumerGroup = consumerGroup;
        this.messageModel = messageModel;
        this.allocateMessageQueueStrategy = strategy;
        this.mQClientFactory = mQClientFactory;
        this.api = api;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- broker locks

    public void unlock(final MessageQueue mq, final boolean oneway) {
        FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), BrokerConstants.MASTER_ID, true);
        if (broker == null) {
            return;
        }
        UnlockBatchRequestBody body = new UnlockBatchRequestBody();
        body.setConsumerGroup(consumerGroup);
        body.setClientId(mQClientFactory.getClientId());
        body.getMqSet().add(mq);
        try {
            api.unlockBatchMQ(broker.getBrokerAddr(), body, LOCK_TIMEOUT_MILLIS, oneway);
            LOG.info("unlocked {} of group {}", mq, consumerGroup);
        } catch (Exception e) {
            LOG.warn("unlock of {} for group {} failed: {}", mq, consumerGroup, e.toString());
        }
    }

    public void unlockAll(final boolean oneway) {
        for (Map.Entry<String, Set<MessageQueue>> e : queuesByBroker().entrySet()) {
            FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(e.getKey(), BrokerConstants.MASTER_ID, true);
            if (broker == null) {
                continue;
            }
            UnlockBatchRequestBody body = new UnlockBatchRequestBody();
            body.setConsumerGroup(consumerGroup);
            body.setClientId(mQClientFactory.getClientId());
            body.setMqSet(e.getValue());
            try {
                api.unlockBatchMQ(broker.getBrokerAddr(), body, LOCK_TIMEOUT_MILLIS, oneway);
                for (MessageQueue mq : e.getValue()) {
                    ProcessQueue pq = processQueueTable.get(mq);
                    if (pq != null) {
                        pq.setLocked(false);
                    }
                }
            } catch (Exception ex) {
                LOG.warn("unlock of {} for group {} failed: {}", e.getValue(), consumerGroup, ex.toString());
            }
        }
    }

    private Map<String, Set<MessageQueue>> queuesByBroker() {
        Map<String, Set<MessageQueue>> result = new HashMap<String, Set<MessageQueue>>();
        for (MessageQueue mq : processQueueTable.keySet()) {
            Set<MessageQueue> set = result.get(mq.getBrokerName());
            if (set == null) {
                set = new HashSet<MessageQueue>();
                result.put(mq.getBrokerName(), set);
            }
            set.add(mq);
        }
        return result;
    }

    /** Locks one queue on its master; true when this client now holds it. */
    public boolean lock(final MessageQueue mq) {
        FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(mq.getBrokerName(), BrokerConstants.MASTER_ID, true);
        if (broker == null) {
            return false;
        }
        LockBatchRequestBody body = new LockBatchRequestBody();
        body.setConsumerGroup(consumerGroup);
        body.setClientId(mQClientFactory.getClientId());
        body.getMqSet().add(mq);
        try {
            Set<MessageQueue> locked = api.lockBatchMQ(broker.getBrokerAddr(), body, LOCK_TIMEOUT_MILLIS);
            for (MessageQueue m : locked) {
                ProcessQueue pq = processQueueTable.get(m);
                if (pq != null) {
                    pq.setLocked(true);
                    pq.setLastLockTimestamp(clock.millis());
                }
            }
            boolean ok = locked.contains(mq);
            LOG.info("lock {} for group {}: {}", mq, consumerGroup, ok ? "OK" : "Failed");
            return ok;
        } catch (Exception e) {
            LOG.warn("lock of {} for group {} failed: {}", mq, consumerGroup, e.toString());
            return false;
        }
    }

    /** Renews the locks of every held queue (every 20 s); queues the broker refuses are marked unlocked. */
    public void lockAll() {
        for (Map.Entry<String, Set<MessageQueue>> e : queuesByBroker().entrySet()) {
            FindBrokerResult broker = mQClientFactory.findBrokerAddressInSubscribe(e.getKey(), BrokerConstants.MASTER_ID, true);
            if (broker == null) {
                continue;
            }
            LockBatchRequestBody body = new LockBatchRequestBody();
            body.setConsumerGroup(consumerGroup);
            body.setClientId(mQClientFactory.getClientId());
            body.setMqSet(e.getValue());
            try {
                Set<MessageQueue> locked = api.lockBatchMQ(broker.getBrokerAddr(), body,
                    LOCK_TIMEOUT_MILLIS);
                long now = clock.millis();
                for (MessageQueue mq : e.getValue()) {
                    ProcessQueue pq = processQueueTable.get(mq);
                    if (pq == null) {
                        continue;
                    }
                    if (locked.contains(mq)) {
                        if (!pq.isLocked()) {
                            LOG.info("group {} now holds the lock of {}", consumerGroup, mq);
                        }
                        pq.setLocked(true);
                        pq.setLastLockTimestamp(now);
                    } else {
                        if (pq.isLocked()) {
                            LOG.warn("group {} lost the lock of {}", consumerGroup, mq);
                        }
                        pq.setLocked(false);
                    }
                }
            } catch (Exception ex) {
                LOG.warn("lock renewal of {} for group {} failed: {}", e.getValue(), consumerGroup, ex.toString());
            }
        }
    }

    // ---------------------------------------------------------------- rebalance

    public void doRebalance(final boolean isOrder) {
        for (Map.Entry<String, SubscriptionData> e : subscriptionInner.entrySet()) {
            try {
                rebalanceByTopic(e.getKey(), isOrder);
            } catch (Throwable t) {
                LOG.warn("rebalance of topic {} for group {} failed: {}", e.getKey(), consumerGroup, t.toString());
            }
        }
        truncateMessageQueueNotMyTopic();
    }

    private void rebalanceByTopic(final String topic, final boolean isOrder) {
        Set<MessageQueue> mqSet = topicSubscribeInfoTable.get(topic);
        if (mqSet == null) {
            if (!topic.startsWith("%RETRY%")) {
                LOG.warn("group {}: no route yet for subscribed topic {}", consumerGroup, topic);
            }
            return;
        }
        if (messageModel == MessageModel.BROADCASTING) {
            if (updateProcessQueueTableInRebalance(topic, mqSet, isOrder)) {
                messageQueueChanged(topic, mqSet, mqSet);
                LOG.info("group {} (broadcasting) topic {} now consumes {}", consumerGroup, topic, mqSet);
            }
            return;
        }
        List<String> cidAll = mQClientFactory.findConsumerIdList(topic, consumerGroup);
        if (cidAll == null || cidAll.isEmpty()) {
            LOG.warn("group {} topic {}: no consumer id list from the broker", consumerGroup, topic);
            return;
        }
        List<MessageQueue> mqAll = new ArrayList<MessageQueue>(mqSet);
        Collections.sort(mqAll);
        List<String> cids = new ArrayList<String>(cidAll);
        Collections.sort(cids);
        List<MessageQueue> allocated;
        try {
            allocated = allocateMessageQueueStrategy.allocate(consumerGroup, mQClientFactory.getClientId(), mqAll, cids);
        } catch (Throwable t) {
            LOG.error("allocation strategy {} failed for group {}: {}", allocateMessageQueueStrategy.getName(), consumerGroup, t.toString());
            return;
        }
        Set<MessageQueue> mine = new HashSet<MessageQueue>();
        if (allocated != null) {
            mine.addAll(allocated);
        }
        if (updateProcessQueueTableInRebalance(topic, mine, isOrder)) {
            LOG.info("rebalanced group {} topic {}: client {} of {} clients {} holds {} of {} queues: {}", consumerGroup, topic,
                mQClientFactory.getClientId(), cids.size(), cids, mine.size(), mqAll.size(), mine);
            messageQueueChanged(topic, mqSet, mine);
        }
    }

    private void truncateMessageQueueNotMyTopic() {
        for (MessageQueue mq : new ArrayList<MessageQueue>(processQueueTable.keySet())) {
            if (!subscriptionInner.containsKey(mq.getTopic())) {
                ProcessQueue pq = processQueueTable.remove(mq);
                if (pq != null) {
                    pq.setDropped(true);
                    LOG.info("group {} unsubscribed {}, dropped {}", consumerGroup, mq.getTopic(), mq);
                }
            }
        }
    }

    /** Brings the queue table of {@code topic} to {@code mqSet}; true when anything changed. */
    boolean updateProcessQueueTableInRebalance(final String topic, final Set<MessageQueue> mqSet, final boolean isOrder) {
        boolean changed = false;
        Iterator<Map.Entry<MessageQueue, ProcessQueue>> it = processQueueTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<MessageQueue, ProcessQueue> e = it.next();
            MessageQueue mq = e.getKey();
            ProcessQueue pq = e.getValue();
            if (!mq.getTopic().equals(topic)) {
                continue;
            }
            if (!mqSet.contains(mq)) {
                pq.setDropped(true);
                if (removeUnnecessaryMessageQueue(mq, pq)) {
                    it.remove();
                    changed = true;
                    LOG.info("group {} no longer holds {}", consumerGroup, mq);
                }
            } else if (pq.isPullExpired() && consumeType() == ConsumeType.CONSUME_PASSIVELY) {
                pq.setDropped(true);
                if (removeUnnecessaryMessageQueue(mq, pq)) {
                    it.remove();
                    changed = true;
                    LOG.warn("group {}: no pull of {} for a long time, re-creating it", consumerGroup, mq);
                }
            }
        }
        List<PullRequest> pullRequests = new ArrayList<PullRequest>();
        for (MessageQueue mq : mqSet) {
            if (processQueueTable.containsKey(mq)) {
                continue;
            }
            if (isOrder && !lock(mq)) {
                LOG.warn("group {}: {} is new but its lock is held elsewhere, trying later", consumerGroup, mq);
                continue;
            }
            removeDirtyOffset(mq);
            ProcessQueue pq = new ProcessQueue(clock);
            pq.setLocked(isOrder);
            long nextOffset = computePullFromWhere(mq);
            if (nextOffset < 0) {
                LOG.warn("group {}: no start offset for {} yet (offset store unreachable), trying later", consumerGroup, mq);
                continue;
            }
            if (processQueueTable.putIfAbsent(mq, pq) == null) {
                LOG.info("group {} now holds {}, starting at offset {}", consumerGroup, mq, nextOffset);
                pullRequests.add(new PullRequest(consumerGroup, mq, pq, nextOffset));
                changed = true;
            }
        }
        dispatchPullRequest(pullRequests);
        return changed;
    }

    public boolean removeProcessQueue(final MessageQueue mq) {
        ProcessQueue pq = processQueueTable.remove(mq);
        if (pq == null) {
            return false;
        }
        pq.setDropped(true);
        removeUnnecessaryMessageQueue(mq, pq);
        LOG.info("group {} removed {}", consumerGroup, mq);
        return true;
    }

    public abstract ConsumeType consumeType();

    public abstract void messageQueueChanged(final String topic, final Set<MessageQueue> mqAll, final Set<MessageQueue> mqDivided);

    /** Cleans up a queue this client gives away; false to keep it for now (e.g. its consume lock is busy). */
    public abstract boolean removeUnnecessaryMessageQueue(final MessageQueue mq, final ProcessQueue pq);

    public abstract void removeDirtyOffset(final MessageQueue mq);

    /** Where to start pulling a newly assigned queue; negative when it cannot be known now. */
    public abstract long computePullFromWhere(final MessageQueue mq);

    public abstract void dispatchPullRequest(final List<PullRequest> pullRequestList);

    public ConcurrentMap<MessageQueue, ProcessQueue> getProcessQueueTable() {
        return processQueueTable;
    }

    public ConcurrentMap<String, Set<MessageQueue>> getTopicSubscribeInfoTable() {
        return topicSubscribeInfoTable;
    }

    public ConcurrentMap<String, SubscriptionData> getSubscriptionInner() {
        return subscriptionInner;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public void setAllocateMessageQueueStrategy(AllocateMessageQueueStrategy strategy) {
        this.allocateMessageQueueStrategy = strategy;
    }

    public void setmQClientFactory(MQClientInstance mQClientFactory) {
        this.mQClientFactory = mQClientFactory;
    }

    public void destroy() {
        for (ProcessQueue pq : processQueueTable.values()) {
            pq.setDropped(true);
        }
        processQueueTable.clear();
    }
}
