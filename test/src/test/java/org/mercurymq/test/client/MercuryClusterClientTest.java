package org.mercurymq.test.client;

import java.nio.file.Path;
import org.mercurymq.test.harness.MercuryCluster;

/** The client scenarios against Mercury's own NameServer + Broker. */
class MercuryClusterClientTest extends ClientScenarioSuite {
    @Override
    protected TestCluster startCluster(Path dir) {
        MercuryCluster mercury = MercuryCluster.start(dir);
        return new TestCluster() {
            @Override
            public String namesrvAddress() {
                return mercury.namesrvAddress();
            }

            @Override
            public String brokerName() {
                return mercury.brokerName();
            }

            @Override
            public void close() {
                mercury.close();
            }
        };
    }
}
