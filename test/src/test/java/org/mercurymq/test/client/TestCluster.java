package org.mercurymq.test.client;

/** A running NameServer + Broker the client scenarios run against. */
public interface TestCluster extends AutoCloseable {
    String namesrvAddress();

    String brokerName();

    @Override
    void close();
}
