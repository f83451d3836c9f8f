package org.mercurymq.client.impl.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.impl.factory.TopicRouteCache;
import org.mercurymq.common.message.MessageQueue;
import org.mercurymq.remoting.protocol.route.BrokerData;
import org.mercurymq.remoting.protocol.route.QueueData;
import org.mercurymq.remoting.protocol.route.TopicRouteData;

/** Publish and subscribe queue lists from a route (docs/protocol/behaviour.md §4). */
class TopicPublishInfoTest {
    private static BrokerData broker(String name, boolean master) {
        Map<Long, String> addrs = new HashMap<>();
        addrs.put(master ? 0L : 1L, "127.0.0.1:" + (master ? 10911 : 10921));
        return new BrokerData("C", name, addrs);
    }

    @Test
    void writableBrokersWithAMasterInNameOrder() {
        TopicRouteData route = new TopicRouteData(null,
            Arrays.asList(new QueueData("b", 2, 2, 6, 0), new QueueData("a", 4, 3, 6, 0), new QueueData("c", 2, 2, 4, 0),
                new QueueData("d", 2, 2, 6, 0)),
            Arrays.asList(broker("a", true), broker("b", true), broker("c", true), broker("d", false)), null);
        TopicPublishInfo info = TopicPublishInfo.fromRoute("T", route);
        List<MessageQueue> expected = Arrays.asList(new MessageQueue("T", "a", 0), new MessageQueue("T", "a", 1),
            new MessageQueue("T", "a", 2), new MessageQueue("T", "b", 0), new MessageQueue("T", "b", 1));
        assertEquals(expected, info.getMessageQueueList());
        assertTrue(info.ok());
        assertFalse(info.isOrderTopic());

        Set<MessageQueue> readable = TopicRouteCache.subscribeQueues("T", route);
        assertEquals(4 + 2 + 2 + 2, readable.size());
    }

    @Test
    void orderTopicConfDefinesTheList() {
        TopicRouteData route = new TopicRouteData("b:2;a:1", Collections.singletonList(new QueueData("a", 8, 8, 6, 0)),
            Collections.singletonList(broker("a", true)), null);
        TopicPublishInfo info = TopicPublishInfo.fromRoute("T", route);
        assertTrue(info.isOrderTopic());
        assertEquals(Arrays.asList(new MessageQueue("T", "b", 0), new MessageQueue("T", "b", 1), new MessageQueue("T", "a", 0)),
            info.getMessageQueueList());
    }

    @Test
    void routeCacheFindsMastersAndSlaves() {
        Map<Long, String> addrs = new HashMap<>();
        addrs.put(0L, "m:1");
        addrs.put(1L, "s:1");
        TopicRouteCache cache = new TopicRouteCache();
        cache.put("T", new TopicRouteData(null, Collections.singletonList(new QueueData("a", 1, 1, 6, 0)),
            Collections.singletonList(new BrokerData("C", "a", addrs)), null));
        assertEquals("m:1", cache.findBrokerAddressInPublish("a"));
        assertEquals("s:1", cache.findBrokerAddressInSubscribe("a", 1, false).getBrokerAddr());
        assertTrue(cache.findBrokerAddressInSubscribe("a", 1, false).isSlave());
        assertEquals("m:1", cache.findBrokerAddressInSubscribe("a", 0, true).getBrokerAddr());
        cache.recordBrokerVersion("a", "m:1", 407);
        assertEquals(407, cache.findBrokerAddressInAdmin("a").getBrokerVersion());
        assertTrue(cache.cleanOfflineBrokers().isEmpty());
    }
}
