package org.mercurymq.test.chaos;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.mercurymq.test.harness.BrokerProcess;

/** Creates a topic on chosen masters with the official admin client and waits until the NameServer routes it. */
public final class Topics {
    private Topics() {
    }

    public static void create(String namesrvAddr, String topic, int queues, List<BrokerProcess> masters)
        throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(10_000);
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("chaos-admin-" + topic + "-" + System.nanoTime());
        admin.start();
        try {
            await("route of " + topic).atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                for (BrokerProcess m : masters) {
                    admin.createAndUpdateTopicConfig(m.address(), new TopicConfig(topic, queues, queues, 6));
                }
                return admin.examineTopicRouteInfo(topic).getQueueDatas().size() == masters.size();
            });
        } finally {
            admin.shutdown();
        }
    }
}
