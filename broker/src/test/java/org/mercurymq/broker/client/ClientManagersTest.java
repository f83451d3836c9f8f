package org.mercurymq.broker.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.mercurymq.broker.FakeChannel;
import org.mercurymq.broker.ManualClock;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.common.filter.FilterAPI;
import org.mercurymq.common.protocol.heartbeat.ConsumeType;
import org.mercurymq.common.protocol.heartbeat.MessageModel;
import org.mercurymq.common.protocol.heartbeat.SubscriptionData;
import org.mercurymq.remoting.RemotingChannel;
import org.mercurymq.remoting.protocol.LanguageCode;

class ClientManagersTest {
    private final ManualClock clock = new ManualClock(1_000_000);
    private final List<String> notified = new CopyOnWriteArrayList<>();
    private final ConsumerManager consumers = new ConsumerManager((group, channels) ->
        notified.add(group + ":" + channels.size()));
    private final ProducerManager producers = new ProducerManager();
    private final ClientHousekeepingService housekeeping = new ClientHousekeepingService(producers, consumers, clock);

    private ClientChannelInfo info(RemotingChannel ch, String id) {
        return new ClientChannelInfo(ch, id, LanguageCode.JAVA, 407, clock.getAsLong());
    }

    private boolean heartbeat(RemotingChannel ch, String id, SubscriptionData... subs) {
        return consumers.registerConsumer("G", info(ch, id), ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
            ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(subs), true);
    }

    @Test
    void membershipAndSubscriptionChangesNotifyTheGroup() {
        FakeChannel a = new FakeChannel("10.0.0.1:1");
        FakeChannel b = new FakeChannel("10.0.0.2:1");
        SubscriptionData all = FilterAPI.buildSubscriptionData("T", "*");
        assertTrue(heartbeat(a, "a", all));
        assertEquals(List.of("G:1"), notified);
        assertFalse(heartbeat(a, "a", all), "a repeated heartbeat is no change");
        assertTrue(heartbeat(b, "b", all));
        assertEquals(List.of("G:1", "G:2"), notified);
        assertEquals(Set.of("a", "b"), Set.copyOf(consumers.getConsumerGroupInfo("G").allClientIds()));

        SubscriptionData tags = FilterAPI.buildSubscriptionData("T", "TagA");
        tags.setSubVersion(all.getSubVersion() + 1);
        assertTrue(heartbeat(b, "b", tags), "a newer, different expression is a change");
        assertEquals("TagA", consumers.findSubscriptionData("G", "T").getSubString());

        consumers.doChannelCloseEvent(a);
        assertEquals("G:1", notified.get(notified.size() - 1), "the remaining member is told");
        consumers.unregisterConsumer("G", b, true);
        assertNull(consumers.getConsumerGroupInfo("G"), "an empty group disappears");
    }

    @Test
    void silentClientsExpireAfter120Seconds() {
        FakeChannel a = new FakeChannel("10.0.0.1:1");
        FakeChannel b = new FakeChannel("10.0.0.2:1");
        heartbeat(a, "a", FilterAPI.buildSubscriptionData("T", "*"));
        producers.registerProducer("PG", info(b, "b"));
        clock.advance(60_000);
        heartbeat(b, "b", FilterAPI.buildSubscriptionData("T", "*"));
        clock.advance(61_000);
        housekeeping.scan();
        assertEquals(List.of("b"), consumers.getConsumerGroupInfo("G").allClientIds(), "a was silent for 121 s");
        assertFalse(a.isActive(), "an expired client's connection is closed");
        assertTrue(producers.channels("PG").isEmpty(), "the producer's only heartbeat is 121 s old");
        producers.registerProducer("PG", info(b, "b"));
        housekeeping.onChannelClose(b.remoteAddress(), b);
        assertTrue(producers.channels("PG").isEmpty());
        assertNull(consumers.getConsumerGroupInfo("G"));
    }
}
