package org.mercurymq.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.MessageQueue;

class AllocateMachineRoomNearbyTest {
    /** Brokers named "room-broker" (e.g. "hz-a"), consumers "room@pid". */
    private static final AllocateMachineRoomNearby.MachineRoomResolver BY_PREFIX =
        new AllocateMachineRoomNearby.MachineRoomResolver() {
            @Override
            public String brokerDeployIn(MessageQueue mq) {
                return mq.getBrokerName().split("-")[0];
            }

            @Override
            public String consumerDeployIn(String clientID) {
                return clientID.split("@")[0];
            }
        };

    private final AllocateMachineRoomNearby nearby =
        new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(), BY_PREFIX);

    private static List<MessageQueue> queues(String broker, int n) {
        List<MessageQueue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MessageQueue("T", broker, i));
        }
        return out;
    }

    @Test
    void consumersTakeTheQueuesOfTheirOwnRoomFirst() {
        List<MessageQueue> all = new ArrayList<>(queues("hz-a", 4));
        all.addAll(queues("sh-a", 4));
        List<String> cids = Arrays.asList("hz@1", "sh@1");
        assertEquals(queues("hz-a", 4), nearby.allocate("g", "hz@1", all, cids));
        assertEquals(queues("sh-a", 4), nearby.allocate("g", "sh@1", all, cids));
    }

    @Test
    void queuesOfARoomWithoutConsumersAreSharedByEveryone() {
        List<MessageQueue> all = new ArrayList<>(queues("hz-a", 2));
        all.addAll(queues("bj-a", 4));
        List<String> cids = Arrays.asList("hz@1", "hz@2");
        Set<MessageQueue> union = new HashSet<>();
        for (String cid : cids) {
            List<MessageQueue> mine = nearby.allocate("g", cid, all, cids);
            assertEquals(3, mine.size(), cid + " " + mine);
            for (MessageQueue mq : mine) {
                assertTrue(union.add(mq), "allocated twice: " + mq);
            }
        }
        assertEquals(new HashSet<>(all), union);
    }

    @Test
    void aQueueOrConsumerWithoutARoomIsRefused() {
        AllocateMachineRoomNearby blind = new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(),
            new AllocateMachineRoomNearby.MachineRoomResolver() {
                @Override
                public String brokerDeployIn(MessageQueue mq) {
                    return mq.getBrokerName().startsWith("x") ? "" : "hz";
                }

                @Override
                public String consumerDeployIn(String clientID) {
                    return clientID.startsWith("x") ? null : "hz";
                }
            });
        IllegalArgumentException q = assertThrows(IllegalArgumentException.class,
            () -> blind.allocate("g", "c1", queues("x-a", 1), Arrays.asList("c1")));
        assertTrue(q.getMessage().startsWith("Machine room is null for mq"), q.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
            () -> blind.allocate("g", "c1", queues("hz-a", 1), Arrays.asList("c1", "x1")));
        assertEquals("Machine room is null for consumer id x1", c.getMessage());
    }

    @Test
    void nameWrapsTheInnerStrategyAndNullsAreRefused() {
        assertEquals("MACHINE_ROOM_NEARBY-AVG", nearby.getName());
        assertThrows(NullPointerException.class, () -> new AllocateMachineRoomNearby(null, BY_PREFIX));
        assertThrows(NullPointerException.class, () -> new AllocateMachineRoomNearby(new AllocateMessageQueueAveragely(), null));
    }

    @Test
    void aClientNotYetKnownToTheBrokerGetsNothing() {
        assertTrue(nearby.allocate("g", "hz@9", queues("hz-a", 2), Arrays.asList("hz@1")).isEmpty());
    }
}
