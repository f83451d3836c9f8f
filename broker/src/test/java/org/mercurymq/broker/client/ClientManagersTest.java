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
        FakeChannel p = new FakeChannel("10.0.0.3:1");
        heartbeat(a, "a", FilterAPI.buildSubscriptionData("T", "*"));
        producers.registerProducer("PG", info(p, "p"));
        clock.advance(60_000);
        heartbeat(b, "b", FilterAPI.buildSubscriptionData("T", "*"));
        clock.advance(61_000);
        housekeeping.scan();
        assertEquals(List.of("b"), consumers.getConsumerGroupInfo("G").allClientIds(), "a was silent for 121 s");
        assertFalse(a.isActive(), "an expired client's connection is closed");
        assertTrue(producers.channels("PG").isEmpty(), "the producer's only heartbeat is 121 s old");
        assertFalse(p.isActive());
        producers.registerProducer("PG", info(b, "b"));
        housekeeping.onChannelClose(b.remoteAddress(), b);
        assertTrue(producers.channels("PG").isEmpty());
        assertNull(consumers.getConsumerGroupInfo("G"));
    }

    @Test
    void aHeartbeatHandledAfterItsConnectionClosedLeavesNoGhostMember() {
        FakeChannel live = new FakeChannel("10.0.0.1:1");
        FakeChannel gone = new FakeChannel("10.0.0.1:2");
        assertTrue(heartbeat(live, "c1", FilterAPI.buildSubscriptionData("T", "*")));
        // the broker reads a heartbeat from a connection the client already closed, after the close event ran
        gone.close();
        housekeeping.onChannelClose(gone.remoteAddress(), gone);
        assertFalse(heartbeat(gone, "c1", FilterAPI.buildSubscriptionData("T", "*")));
        assertEquals(1, consumers.getConsumerGroupInfo("G").channelInfos().size());
        assertEquals(List.of("G:1"), notified, "no member change was announced");
        producers.registerProducer("PG", info(gone, "p1"));
        assertTrue(producers.channels("PG").isEmpty());
    }

    @Test
    void aClientWithTwoRegisteredConnectionsIsOneMemberAndAClosedOneGoesAtTheNextScan() {
        FakeChannel first = new FakeChannel("10.0.0.1:1");
        FakeChannel second = new FakeChannel("10.0.0.1:2");
        FakeChannel other = new FakeChannel("10.0.0.2:1");
        heartbeat(first, "c1", FilterAPI.buildSubscriptionData("T", "*"));
        heartbeat(second, "c1", FilterAPI.buildSubscriptionData("T", "*"));
        heartbeat(other, "c2", FilterAPI.buildSubscriptionData("T", "*"));
        // the official client allocates queues by its index in this list: c1 twice would orphan a share
        assertEquals(List.of("c1", "c2"), consumers.getConsumerGroupInfo("G").allClientIds().stream().sorted().toList());
        first.close();
        producers.registerProducer("PG", info(other, "p2"));
        other.close();
        housekeeping.scan();
        assertEquals(1, consumers.getConsumerGroupInfo("G").channelInfos().size(), "closed connections go at once");
        assertTrue(producers.channels("PG").isEmpty());
    }
}
