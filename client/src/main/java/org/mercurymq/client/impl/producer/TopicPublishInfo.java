package org.mercurymq.client.impl.producer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.mercurymq.client.common.ThreadLocalIndex;
import org.mercurymq.client.latency.PublishQueues;
import org.mercurymq.common.PermName;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/**
 * The queues a producer may send a topic's messages to, built from its route (docs/protocol/behaviour.md §4), and
 * the per-thread round-robin over them. Immutable list; thread-safe.
 */
public class TopicPublishInfo implements PublishQueues {
    private final boolean orderTopic;
    private final boolean haveTopicRouterInfo;
    private final List<MessageQueue> messageQueueList;
    private final TopicRouteData topicRouteData;
    private final ThreadLocalIndex sendWhichQueue = new ThreadLocalIndex();

    /** An empty placeholder: no route known yet. */
    public TopicPublishInfo() {
        this(false, false, Collections.<MessageQueue>emptyList(), null);
    }

    public TopicPublishInfo(boolean orderTopic, boolean haveTopicRouterInfo, List<MessageQueue> messageQueueList,
                            TopicRouteData topicRouteData) {
        this.orderTopic = orderTopic;
        this.haveTopicRouterInfo = haveTopicRouterInfo;
        this.messageQueueList = Collections.unmodifiableList(new ArrayList<MessageQueue>(messageQueueList));
        this.topicRouteData = topicRouteData;
    }

    /**
     * Publish list of a route: with {@code orderTopicConf} ({@code brokerA:4;brokerB:4}) exactly that;
     * otherwise queues 0…writeQueueNums−1 of every writable QueueData whose broker has a master,
     * QueueDatas in broker-name order.
     */
    public static TopicPublishInfo fromRoute(String topic, TopicRouteData route) {
        List<MessageQueue> queues = new ArrayList<MessageQueue>();
        String conf = route.getOrderTopicConf();
        if (conf != null && !conf.isEmpty()) {
            for (String item : conf.split(";")) {
                String[] kv = item.split(":");
                if (kv.length == 2) {
                    int n = Integer.parseInt(kv[1].trim());
                    for (int i = 0; i < n; i++) {
                        queues.add(new MessageQueue(topic, kv[0].trim(), i));
                    }
                }
            }
            return new TopicPublishInfo(true, true, queues, route);
        }
        List<QueueData> qds = new ArrayList<QueueData>(route.getQueueDatas());
        Collections.sort(qds);
        for (QueueData qd : qds) {
            if (!PermName.isWriteable(qd.getPerm())) {
                continue;
            }
            BrokerData broker = null;
            for (BrokerData bd : route.getBrokerDatas()) {
                if (bd.getBrokerName().equals(qd.getBrokerName())) {
                    broker = bd;
                    break;
                }
            }
            if (broker == null || broker.masterAddr() == null) {
                continue;
            }
            for (int i = 0; i < qd.getWriteQueueNums(); i++) {
                queues.add(new MessageQueue(topic, qd.getBrokerName(), i));
            }
        }
        return new TopicPublishInfo(false, true, queues, route);
    }

    public boolean ok() {
        return !messageQueueList.isEmpty();
    }

    public boolean isOrderTopic() {
        return orderTopic;
    }

    public boolean isHaveTopicRouterInfo() {
        return haveTopicRouterInfo;
    }

    @Override
    public List<MessageQueue> getMessageQueueList() {
        return messageQueueList;
    }

    @Override
    public ThreadLocalIndex getSendWhichQueue() {
        return sendWhichQueue;
    }

    public TopicRouteData getTopicRouteData() {
        return topicRouteData;
    }

    /** The next queue in the round-robin, preferring a broker other than {@code lastBrokerName} (a retry). */
    @Override
    public MessageQueue selectOneMessageQueue(String lastBrokerName) {
        if (messageQueueList.isEmpty()) {
            return null;
        }
        if (lastBrokerName != null) {
            for (int i = 0; i < messageQueueList.size(); i++) {
                MessageQueue mq = messageQueueList.get(sendWhichQueue.incrementAndGet() % messageQueueList.size());
                if (!mq.getBrokerName().equals(lastBrokerName)) {
                    return mq;
                }
            }
        }
        return selectOneMessageQueue();
    }

    @Override
    public MessageQueue selectOneMessageQueue() {
        return messageQueueList.get(sendWhichQueue.incrementAndGet() % messageQueueList.size());
    }

    /** Write queue count of a broker in this route (0 when the broker has none). */
    public int getQueueIdByBroker(String brokerName) {
        if (topicRouteData == null) {
            return 0;
        }
        for (QueueData qd : topicRouteData.getQueueDatas()) {
            if (qd.getBrokerName().equals(brokerName)) {
                return qd.getWriteQueueNums();
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "TopicPublishInfo [orderTopic=" + orderTopic + ", messageQueueList=" + messageQueueList
            + ", haveTopicRouterInfo=" + haveTopicRouterInfo + "]";
    }
}
