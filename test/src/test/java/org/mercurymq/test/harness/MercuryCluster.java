package org.mercurymq.test.harness;

import java.nio.file.Path;
import java.util.Map;

/** A Mercury NameServer and one Broker in child JVMs on free loopback ports. Not thread-safe. */
public final class MercuryCluster implements AutoCloseable {
    public static final String BROKER_NAME = "mercury-broker-a";

    private final NamesrvProcess namesrv;
    private final BrokerProcess broker;

    private MercuryCluster(NamesrvProcess namesrv, BrokerProcess broker) {
        this.namesrv = namesrv;
        this.broker = broker;
    }

    /** Starts both and waits for their boot lines; {@code brokerConfig} adds {@code key=value} lines. */
    public static MercuryCluster start(Path dir, String... brokerConfig) {
        return start(dir, Map.of(), brokerConfig);
    }

    /** As {@link #start(Path, String...)} with extra {@code -D} system properties for the broker JVM. */
    public static MercuryCluster start(Path dir, Map<String, String> brokerSysProps, String... brokerConfig) {
        NamesrvProcess ns = NamesrvProcess.start(dir.resolve("namesrv"));
        try {
            BrokerProcess b = BrokerProcess.start(dir.resolve("broker"), ns.address(), BROKER_NAME, brokerSysProps, brokerConfig);
            return new MercuryCluster(ns, b);
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    public String namesrvAddress() {
        return namesrv.address();
    }

    public String brokerAddress() {
        return broker.address();
    }

    public String brokerName() {
        return broker.brokerName();
    }

    public BrokerProcess broker() {
        return broker;
    }

    public NamesrvProcess namesrv() {
        return namesrv;
    }

    @Override
    public void close() {
        broker.close();
        namesrv.close();
    }
}
