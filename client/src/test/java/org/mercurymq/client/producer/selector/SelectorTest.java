package org.mercurymq.client.producer.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.Message;
import org.mercurymq.common.message.MessageQueue;

class SelectorTest {
    private static List<MessageQueue> queues(String broker, int n) {
        List<MessageQueue> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new MessageQueue("T", broker, i));
        }
        return out;
    }

    private final Message msg = new Message("T", new byte[] {1});

    @Test
    void hashPicksTheSameQueueForTheSameKey() {
        SelectMessageQueueByHash s = new SelectMessageQueueByHash();
        List<MessageQueue> mqs = queues("b", 4);
        assertEquals(mqs.get(2), s.select(mqs, msg, 2));
        assertEquals(mqs.get(2), s.select(mqs, msg, 6));
        assertEquals(s.select(mqs, msg, "order-42"), s.select(mqs, msg, "order-42"));
        Object negativeHash = new Object() {
            @Override
            public int hashCode() {
                return -7;
            }
        };
        assertEquals(mqs.get(3), s.select(mqs, msg, negativeHash));
    }

    @Test
    void randomStaysWithinTheList() {
        SelectMessageQueueByRandom s = new SelectMessageQueueByRandom();
        List<MessageQueue> mqs = queues("b", 3);
        for (int i = 0; i < 50; i++) {
            assertTrue(mqs.contains(s.select(mqs, msg, null)));
        }
    }

    @Test
    void machineRoomPrefersConfiguredRooms() {
        List<MessageQueue> mqs = new ArrayList<>(queues("sh@b", 2));
        mqs.addAll(queues("hz@a", 2));
        SelectMessageQueueByMachineRoom s = new SelectMessageQueueByMachineRoom();
        s.setConsumeridcs(new HashSet<>(Collections.singletonList("hz")));
        for (int key = 0; key < 10; key++) {
            assertTrue(s.select(mqs, msg, key).getBrokerName().startsWith("hz@"));
        }
        s.setConsumeridcs(new HashSet<>(Collections.singletonList("nowhere")));
        assertTrue(mqs.contains(s.select(mqs, msg, 3)));
    }
}
