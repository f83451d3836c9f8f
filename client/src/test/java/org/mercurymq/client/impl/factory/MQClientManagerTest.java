package org.mercurymq.client.impl.factory;

import org.mercurymq.client.impl.producer.InstanceServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.client.impl.factory.MQClientInstance;

/** One client instance per client id (clientIP@instanceName[@unitName]). */
class MQClientManagerTest {
    private static ClientConfig config(String instance) {
        ClientConfig c = new ClientConfig();
        c.setClientIP("192.0.2.9");
        c.setInstanceName(instance);
        return c;
    }

    @Test
    void sameClientIdSharesOneInstance() {
        MQClientManager m = MQClientManager.getInstance();
        MQClientInstance a = m.getOrCreateMQClientInstance(config("share-a"), null, InstanceServices.INSTANCE);
        MQClientInstance again = m.getOrCreateMQClientInstance(config("share-a"), null, InstanceServices.INSTANCE);
        MQClientInstance b = m.getOrCreateMQClientInstance(config("share-b"), null, InstanceServices.INSTANCE);
        try {
            assertSame(a, again);
            assertNotSame(a, b);
            assertEquals("192.0.2.9@share-a", a.getClientId());
        } finally {
            m.removeClientFactory(a.getClientId());
            m.removeClientFactory(b.getClientId());
        }
        assertNotSame(a, m.getOrCreateMQClientInstance(config("share-a"), null, InstanceServices.INSTANCE), "a removed id gets a new instance");
        m.removeClientFactory("192.0.2.9@share-a");
    }
}
