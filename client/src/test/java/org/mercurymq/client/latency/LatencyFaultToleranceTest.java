package org.mercurymq.client.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mercurymq.client.impl.producer.TopicPublishInfo;
import org.mercurymq.common.message.MessageQueue;

class LatencyFaultToleranceTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LatencyFaultToleranceImpl tolerance = new LatencyFaultToleranceImpl(now::get);

    @Test
    void aBrokerIsAvoidedForItsNotAvailableDuration() {
        assertTrue(tolerance.isAvailable("a"));
        tolerance.updateFaultItem("a", 3000, 180_000);
        assertFalse(tolerance.isAvailable("a"));
        now.addAndGet(179_999);
        assertFalse(tolerance.isAvailable("a"));
        now.addAndGet(1);
        assertTrue(tolerance.isAvailable("a"));
        tolerance.remove("a");
        assertNull(tolerance.pickOneAtLeast());
    }

    @Test
    void pickOneAtLeastPrefersAvailableAndFaster() {
        tolerance.updateFaultItem("slow", 2000, 60_000);
        tolerance.updateFaultItem("fast", 10, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals("fast", tolerance.pickOneAtLeast());
        }
    }

    @Test
    void latencyMapsToAvoidanceWindows() {
        MQFaultStrategy s = new MQFaultStrategy(tolerance);
        assertEquals(0, s.computeNotAvailableDuration(49));
        assertEquals(0, s.computeNotAvailableDuration(100));
        assertEquals(30_000, s.computeNotAvailableDuration(550));
        assertEquals(180_000, s.computeNotAvailableDuration(3000));
        assertEquals(600_000, s.computeNotAvailableDuration(30_000), "a failure counts as 30 s");
    }

    @Test
    void enabledStrategySkipsAFailedBrokerAndDisabledIgnoresFaults() {
        List<MessageQueue> mqs = new ArrayList<>();
        for (String b : new String[] {"a", "b"}) {
            for (int i = 0; i < 2; i++) {
                mqs.add(new MessageQueue("T", b, i));
            }
        }
        TopicPublishInfo info = new TopicPublishInfo(false, true, mqs, null);
        MQFaultStrategy s = new MQFaultStrategy(tolerance);
        s.updateFaultItem("a", 100, true);
        assertTrue(tolerance.isAvailable("a"), "nothing recorded while disabled");
        s.setSendLatencyFaultEnable(true);
        s.updateFaultItem("a", 100, true);
        for (int i = 0; i < 20; i++) {
            assertEquals("b", s.selectOneMessageQueue(info, null).getBrokerName());
        }
    }

    @Test
    void retriesPreferAnotherBroker() {
        List<MessageQueue> mqs = new ArrayList<>();
        mqs.add(new MessageQueue("T", "a", 0));
        mqs.add(new MessageQueue("T", "a", 1));
        mqs.add(new MessageQueue("T", "b", 0));
        TopicPublishInfo info = new TopicPublishInfo(false, true, mqs, null);
        for (int i = 0; i < 20; i++) {
            assertEquals("b", info.selectOneMessageQueue("a").getBrokerName());
            assertEquals("a", info.selectOneMessageQueue("b").getBrokerName());
        }
    }
}
