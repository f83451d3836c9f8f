package org.mercurymq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mercurymq.common.message.MessageQueue;

class ClientConfigTest {
    @Test
    void nameServerFallsBackToTheSystemProperty() {
        String previous = System.getProperty("rocketmq.namesrv.addr");
        System.setProperty("rocketmq.namesrv.addr", "10.0.0.1:9876;10.0.0.2:9876");
        try {
            assertEquals("10.0.0.1:9876;10.0.0.2:9876", new ClientConfig().getNamesrvAddr());
        } finally {
            if (previous == null) {
                System.clearProperty("rocketmq.namesrv.addr");
            } else {
                System.setProperty("rocketmq.namesrv.addr", previous);
            }
        }
    }

    @Test
    void defaultsAreRocketMqs() {
        ClientConfig c = new ClientConfig();
        assertEquals(30_000, c.getPollNameServerInterval());
        assertEquals(30_000, c.getHeartbeatBrokerInterval());
        assertEquals(5_000, c.getPersistConsumerOffsetInterval());
        assertEquals(3_000, c.getMqClientApiTimeout());
        assertEquals("DEFAULT", c.getInstanceName());
        assertTrue(c.toString().startsWith("ClientConfig [namesrvAddr="));
    }

    @Test
    void clientIdIsIpAtInstanceAndDefaultInstanceBecomesPidBased() {
        ClientConfig c = new ClientConfig();
        c.setClientIP("192.0.2.7");
        c.setInstanceName("inst");
        assertEquals("192.0.2.7@inst", c.buildMQClientId());
        c.setUnitName("unit");
        assertEquals("192.0.2.7@inst@unit", c.buildMQClientId());
        c.changeInstanceNameToPID();
        assertEquals("inst", c.getInstanceName(), "a chosen instance name is kept");
        ClientConfig d = new ClientConfig();
        d.changeInstanceNameToPID();
        assertNotEquals("DEFAULT", d.getInstanceName());
        assertTrue(d.getInstanceName().matches("\\d+#\\d+"), d.getInstanceName());
        assertEquals(d.buildMQClientId(), d.cloneClientConfig().buildMQClientId());
    }

    @Test
    void namespaceWrapsTopicsGroupsAndRetryTopics() {
        ClientConfig c = new ClientConfig();
        assertEquals("T", c.withNamespace("T"));
        c.setNamespace("ns");
        assertEquals("ns%T", c.withNamespace("T"));
        assertEquals("ns%T", c.withNamespace("ns%T"));
        assertEquals("%RETRY%ns%G", c.withNamespace("%RETRY%G"));
        assertEquals("%DLQ%ns%G", c.withNamespace("%DLQ%G"));
        assertEquals("TBW102", c.withNamespace("TBW102"), "system topics stay as they are");
        assertEquals("T", c.withoutNamespace("ns%T"));
        assertEquals("%RETRY%G", c.withoutNamespace("%RETRY%ns%G"));
        assertEquals(new MessageQueue("ns%T", "b", 1), c.queueWithNamespace(new MessageQueue("T", "b", 1)));
    }
}
