package org.mercurymq.client.impl.factory;

import java.util.concurrent.ConcurrentHashMap;
import org.mercurymq.client.ClientConfig;
import org.mercurymq.remoting.RPCHook;

/** The process-wide map from client id to its shared {@link MQClientInstance}. Thread-safe. */
public class MQClientManager {
    private static final MQClientManager INSTANCE = new MQClientManager();

    private final ConcurrentHashMap<String, MQClientInstance> factoryTable = new ConcurrentHashMap<String, MQClientInstance>();

    private MQClientManager() {
    }

    public static MQClientManager getInstance() {
        return INSTANCE;
    }

    /**
     * The instance of the config's client id, created (with a copy of the config) on first use; the engines pass the
     * producer layer's services (client.impl.producer.InstanceServices), which this package does not know.
     */
    public MQClientInstance getOrCreateMQClientInstance(final ClientConfig clientConfig, final RPCHook rpcHook,
                                                        final ProducerServices producerServices) {
        final String clientId = clientConfig.buildMQClientId();
        MQClientInstance instance = factoryTable.get(clientId);
        if (instance != null) {
            return instance;
        }
        synchronized (this) {
            instance = factoryTable.get(clientId);
            if (instance == null) {
                instance = new MQClientInstance(clientConfig.cloneClientConfig(), clientId, rpcHook, producerServices);
                factoryTable.put(clientId, instance);
            }
            return instance;
        }
    }

    public void removeClientFactory(final String clientId) {
        factoryTable.remove(clientId);
    }
}
