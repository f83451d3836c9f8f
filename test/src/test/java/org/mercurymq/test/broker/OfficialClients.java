package org.mercurymq.test.broker;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Official Apache RocketMQ 4.9.7 clients for one test class, each with its own instance name (so two
 * clients in this JVM never share a client factory by accident), shut down together by {@link #close()}.
 * Not thread-safe.
 */
final class OfficialClients implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private final String namesrvAddr;
    private final Deque<Runnable> shutdowns = new ArrayDeque<>();

    OfficialClients(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    /**
     * Unique per test JVM, not only per test: a broadcasting consumer keeps its offsets in a local file named
     * after its instance and group, and the official client fixes that file's directory when the class is first
     * loaded, which an earlier test may have done before our localOffsetStoreDir was set. A later run reusing
     * the same names would resume at a stale offset.
     */
    private static final String RUN = Long.toString(System.nanoTime() & 0xffffffL, 36);

    static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    DefaultMQProducer producer(String group) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group);
        p.setNamesrvAddr(namesrvAddr);
        p.setInstanceName(unique("producer"));
        p.setSendMsgTimeout(10_000);
        p.start();
        shutdowns.push(p::shutdown);
        return p;
    }

    /** A push consumer, not started; {@link #started} registers it for shutdown after the test started it. */
    DefaultMQPushConsumer pushConsumer(String group) {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(namesrvAddr);
        c.setInstanceName(unique("consumer"));
        c.setConsumeThreadMin(2);
        c.setConsumeThreadMax(4);
        return c;
    }

    DefaultMQPushConsumer started(DefaultMQPushConsumer c) throws Exception {
        c.start();
        shutdowns.push(c::shutdown);
        return c;
    }

    DefaultLitePullConsumer litePullConsumer(String group) {
        DefaultLitePullConsumer c = new DefaultLitePullConsumer(group);
        c.setNamesrvAddr(namesrvAddr);
        c.setInstanceName(unique("lite"));
        return c;
    }

    DefaultLitePullConsumer started(DefaultLitePullConsumer c) throws Exception {
        c.start();
        shutdowns.push(c::shutdown);
        return c;
    }

    DefaultMQAdminExt admin() throws Exception {
        DefaultMQAdminExt a = new DefaultMQAdminExt(10_000);
        a.setNamesrvAddr(namesrvAddr);
        a.setInstanceName(unique("admin"));
        a.start();
        shutdowns.push(a::shutdown);
        return a;
    }

    @Override
    public void close() {
        while (!shutdowns.isEmpty()) {
            try {
                shutdowns.pop().run();
            } catch (RuntimeException e) {
                // keep shutting the others down
            }
        }
    }
}
