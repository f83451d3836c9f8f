package org.mercurymq.client.consumer.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.consumer.AllocateMessageQueueStrategy;
import org.mercurymq.common.message.MessageQueue;

class AllocateMessageQueueStrategyTest {
    private static List<MessageQueue> queues(int n) {
        List<MessageQueue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MessageQueue("T", "broker-a", i));
        }
        return out;
    }

    private static List<String> cids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("cid-" + i);
        }
        return out;
    }

    private static List<Integer> ids(List<MessageQueue> mqs) {
        List<Integer> out = new ArrayList<>();
        for (MessageQueue mq : mqs) {
            out.add(mq.getQueueId());
        }
        return out;
    }

    /** Every queue goes to exactly one client. */
    private static void assertPartition(AllocateMessageQueueStrategy s, int nq, int nc) {
        List<MessageQueue> mqAll = queues(nq);
        Set<MessageQueue> seen = new HashSet<>();
        int total = 0;
        for (String cid : cids(nc)) {
            List<MessageQueue> mine = s.allocate("g", cid, mqAll, cids(nc));
            seen.addAll(mine);
            total += mine.size();
        }
        assertEquals(nq, seen.size(), s.getName() + " covers all queues for " + nq + "/" + nc);
        assertEquals(nq, total, s.getName() + " gives each queue once for " + nq + "/" + nc);
    }

    @Test
    void averagelyGivesContiguousBlocksLargestFirst() {
        AllocateMessageQueueAveragely s = new AllocateMessageQueueAveragely();
        assertEquals(Arrays.asList(0, 1, 2), ids(s.allocate("g", "cid-0", queues(8), cids(3))));
        assertEquals(Arrays.asList(3, 4, 5), ids(s.allocate("g", "cid-1", queues(8), cids(3))));
        assertEquals(Arrays.asList(6, 7), ids(s.allocate("g", "cid-2", queues(8), cids(3))));
        assertEquals("AVG", s.getName());
    }

    @Test
    void averagelyWithMoreClientsThanQueuesLeavesTheLastIdle() {
        AllocateMessageQueueAveragely s = new AllocateMessageQueueAveragely();
        assertEquals(Collections.singletonList(1), ids(s.allocate("g", "cid-1", queues(2), cids(4))));
        assertEquals(Collections.emptyList(), ids(s.allocate("g", "cid-3", queues(2), cids(4))));
    }

    @Test
    void byCircleDealsQueuesRoundRobin() {
        AllocateMessageQueueAveragelyByCircle s = new AllocateMessageQueueAveragelyByCircle();
        assertEquals(Arrays.asList(0, 3, 6), ids(s.allocate("g", "cid-0", queues(8), cids(3))));
        assertEquals(Arrays.asList(2, 5), ids(s.allocate("g", "cid-2", queues(8), cids(3))));
    }

    @Test
    void everyStrategyPartitionsTheQueues() {
        for (AllocateMessageQueueStrategy s : Arrays.asList(new AllocateMessageQueueAveragely(),
            new AllocateMessageQueueAveragelyByCircle(), new AllocateMessageQueueConsistentHash())) {
            for (int nq = 1; nq <= 17; nq += 4) {
                for (int nc = 1; nc <= 5; nc++) {
                    assertPartition(s, nq, nc);
                }
            }
        }
    }

    @Test
    void consistentHashMovesFewQueuesWhenAClientJoins() {
        AllocateMessageQueueConsistentHash s = new AllocateMessageQueueConsistentHash(10);
        List<MessageQueue> mqAll = queues(64);
        List<MessageQueue> before = s.allocate("g", "cid-0", mqAll, cids(4));
        List<MessageQueue> after = s.allocate("g", "cid-0", mqAll, cids(5));
        assertTrue(before.containsAll(after), "a joining client only takes queues away");
        assertEquals(before, s.allocate("g", "cid-0", mqAll, cids(4)), "deterministic");
    }

    @Test
    void byConfigReturnsTheConfiguredQueues() {
        AllocateMessageQueueByConfig s = new AllocateMessageQueueByConfig();
        s.setMessageQueueList(queues(2));
        assertEquals(queues(2), s.allocate("g", "anyone", queues(8), cids(3)));
    }

    @Test
    void byMachineRoomOnlyUsesQueuesOfTheConfiguredRooms() {
        List<MessageQueue> mqAll = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            mqAll.add(new MessageQueue("T", "hz@broker-a", i));
            mqAll.add(new MessageQueue("T", "sh@broker-b", i));
        }
        AllocateMessageQueueByMachineRoom s = new AllocateMessageQueueByMachineRoom();
        s.setConsumeridcs(new HashSet<>(Collections.singletonList("hz")));
        List<MessageQueue> a = s.allocate("g", "cid-0", mqAll, cids(3));
        List<MessageQueue> b = s.allocate("g", "cid-1", mqAll, cids(3));
        List<MessageQueue> c = s.allocate("g", "cid-2", mqAll, cids(3));
        assertEquals(2, a.size());
        assertEquals(1, b.size());
        assertEquals(1, c.size());
        Set<MessageQueue> all = new HashSet<>(a);
        all.addAll(b);
        all.addAll(c);
        assertEquals(4, all.size());
        for (MessageQueue mq : all) {
            assertTrue(mq.getBrokerName().startsWith("hz@"));
        }
    }

    @Test
    void missingArgumentsAreRefusedAndAnUnknownClientGetsNothing() {
        AllocateMessageQueueAveragely s = new AllocateMessageQueueAveragely();
        assertThrows(IllegalArgumentException.class, () -> s.allocate("g", "", queues(2), cids(2)));
        assertThrows(IllegalArgumentException.class, () -> s.allocate("g", "cid-0", Collections.emptyList(), cids(2)));
        assertThrows(IllegalArgumentException.class, () -> s.allocate("g", "cid-0", queues(2), null));
        assertEquals(Collections.emptyList(), s.allocate("g", "stranger", queues(4), cids(2)));
    }
}
