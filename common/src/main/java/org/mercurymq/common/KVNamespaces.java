package org.mercurymq.common;

/** Namespaces of the name server's KV config with a protocol meaning. Stateless. */
public final class KVNamespaces {
    /** topic → {@code brokerName:queueNum;…}; sent to brokers on registration and put into routes as orderTopicConf. */
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private KVNamespaces() {
    }
}
