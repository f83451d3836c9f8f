package org.mercurymq.client.impl.factory;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mercurymq.client.impl.MQClientAPIImpl;
import org.mercurymq.common.BrokerConstants;
import org.mercurymq.common.protocol.heartbeat.ConsumerData;
import org.mercurymq.common.protocol.heartbeat.HeartbeatData;
import org.mercurymq.common.protocol.heartbeat.ProducerData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the instance's producer and consumer groups with brokers (HEART_BEAT, docs/protocol/behaviour.md §5)
 * and unregisters groups (UNREGISTER_CLIENT). Producers only talk to masters, so without consumers
 * slaves are skipped. Records each broker's reply version. Thread-safe (the instance still runs one
 * heartbeat round at a time, under its heartbeat lock).
 */
final class BrokerHeartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerHeartbeat.class);

    private final String clientId;
    private final MQClientAPIImpl api;
    private final TopicRouteCache routes;
    private final Map<String, RegisteredProducer> producers;
    private final Map<String, MQConsumerInner> consumers;
    private final long timeoutMillis;
    private final Set<String> reached = ConcurrentHashMap.newKeySet();

    BrokerHeartbeat(String clientId, MQClientAPIImpl api, TopicRouteCache routes, Map<String, RegisteredProducer> producers,
                    Map<String, MQConsumerInner> consumers, long timeoutMillis) {
        this.clientId = clientId;
        this.api = api;
        this.routes = routes;
        this.producers = producers;
        this.consumers = consumers;
        this.timeoutMillis = timeoutMillis;
    }

    HeartbeatData build() {
        HeartbeatData data = new HeartbeatData();
        data.setClientID(clientId);
        Set<ProducerData> producerSet = new HashSet<ProducerData>();
        for (String group : producers.keySet()) {
            producerSet.add(new ProducerData(group));
        }
        data.setProducerDataSet(producerSet);
        Set<ConsumerData> consumerSet = new HashSet<ConsumerData>();
        for (MQConsumerInner c : consumers.values()) {
            ConsumerData cd = new ConsumerData();
            cd.setGroupName(c.groupName());
            cd.setConsumeType(c.consumeType());
            cd.setMessageModel(c.messageModel());
            cd.setConsumeFromWhere(c.consumeFromWhere());
            cd.setSubscriptionDataSet(c.subscriptions());
            cd.setUnitMode(c.isUnitMode());
            consumerSet.add(cd);
        }
        data.setConsumerDataSet(consumerSet);
        return data;
    }

    void sendToAllBrokers() {
        HeartbeatData data = build();
        boolean noConsumer = data.getConsumerDataSet().isEmpty();
        if (data.getProducerDataSet().isEmpty() && noConsumer) {
            return;
        }
        for (Map.Entry<String, Map<Long, String>> broker : routes.brokerAddrTable().entrySet()) {
            for (Map.Entry<Long, String> e : broker.getValue().entrySet()) {
                if (noConsumer && e.getKey() != BrokerConstants.MASTER_ID) {
                    continue;
                }
                String addr = e.getValue();
                try {
                    int version = api.sendHeartbeat(addr, data, timeoutMillis);
                    routes.recordBrokerVersion(broker.getKey(), addr, version);
                    if (reached.add(addr)) {
                        LOG.info("first heartbeat to broker {}[{}] {} ok, broker version {}", broker.getKey(), e.getKey(), addr, version);
                    }
                } catch (Exception ex) {
                    LOG.warn("heartbeat to broker {}[{}] {} failed: {}", broker.getKey(), e.getKey(), addr, ex.toString());
                }
            }
        }
    }

    /** Tells every known broker that a producer or consumer group of this client left. */
    void unregister(String producerGroup, String consumerGroup) {
        for (Map.Entry<String, Map<Long, String>> broker : routes.brokerAddrTable().entrySet()) {
            for (String addr : broker.getValue().values()) {
                try {
                    api.unregisterClient(addr, clientId, producerGroup, consumerGroup, timeoutMillis);
                    LOG.info("unregistered producer group {} / consumer group {} of {} from {}", producerGroup, consumerGroup,
                        clientId, addr);
                } catch (Exception e) {
                    LOG.warn("unregister of {} / {} from {} failed: {}", producerGroup, consumerGroup, addr, e.toString());
                }
            }
        }
    }
}
