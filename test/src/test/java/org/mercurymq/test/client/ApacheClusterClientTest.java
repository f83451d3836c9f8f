package org.mercurymq.test.client;

import java.nio.file.Path;
import org.mercurymq.test.harness.ApacheCluster;

/** The client scenarios against the reference: Apache RocketMQ 4.9.7 NameServer + Broker. */
class ApacheClusterClientTest extends ClientScenarioSuite {
    @Override
    protected TestCluster startCluster(Path dir) {
        ApacheCluster apache = ApacheCluster.start(dir, BROKER_CONFIG);
        return new TestCluster() {
            @Override
            public String namesrvAddress() {
                return apache.namesrvAddress();
            }

            @Override
            public String brokerName() {
                return apache.brokerName();
            }

            @Override
            public void close() {
                apache.close();
            }
        };
    }
}
