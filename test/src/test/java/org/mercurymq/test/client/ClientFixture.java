package org.mercurymq.test.client;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mercurymq.client.consumer.DefaultLitePullConsumer;
import org.mercurymq.client.consumer.DefaultMQPullConsumer;
import org.mercurymq.client.consumer.DefaultMQPushConsumer;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.TransactionListener;
import org.mercurymq.client.producer.TransactionMQProducer;
import org.mercurymq.common.consumer.ConsumeFromWhere;
import org.mercurymq.remoting.RPCHook;

/**
 * Creates Mercury clients for a scenario against one cluster, with unique names, fast route polling,
 * and shuts them all down at the end. Not thread-safe (used from the test thread).
 */
final class ClientFixture implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String namesrv;
    private final List<AutoCloseable> closers = new ArrayList<>();

    ClientFixture(String namesrv) {
        this.namesrv = namesrv;
    }

    static String unique(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    DefaultMQProducer producer(String group) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group);
        p.setNamesrvAddr(namesrv);
        p.setInstanceName(unique("p"));
        p.setPollNameServerInterval(1000);
        p.start();
        closers.add(p::shutdown);
        return p;
    }

    /** A started producer with message trace on ({@code traceTopic} null: RMQ_SYS_TRACE_TOPIC). */
    DefaultMQProducer tracedProducer(String group, String traceTopic) throws Exception {
        DefaultMQProducer p = new DefaultMQProducer(group, true, traceTopic);
        p.setNamesrvAddr(namesrv);
        p.setInstanceName(unique("tp"));
        p.setPollNameServerInterval(1000);
        p.start();
        closers.add(p::shutdown);
        return p;
    }

    /** A push consumer with message trace on, not started, reading from the first offset. */
    DefaultMQPushConsumer tracedPushConsumer(String group, String traceTopic) {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group, true, traceTopic);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName(unique("tc"));
        c.setPollNameServerInterval(1000);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setConsumeThreadMin(2);
        c.setConsumeThreadMax(2);
        closers.add(c::shutdown);
        return c;
    }

    /** A started transactional producer; {@code rpcHook} may be null. */
    TransactionMQProducer transactionProducer(String group, TransactionListener listener, RPCHook rpcHook) throws Exception {
        TransactionMQProducer p = new TransactionMQProducer(null, group, rpcHook);
        p.setNamesrvAddr(namesrv);
        p.setInstanceName(unique("tx"));
        p.setPollNameServerInterval(1000);
        p.setTransactionListener(listener);
        p.start();
        closers.add(p::shutdown);
        return p;
    }

    /** A push consumer, not started, reading from the first offset. */
    DefaultMQPushConsumer pushConsumer(String group) {
        DefaultMQPushConsumer c = new DefaultMQPushConsumer(group);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName(unique("c"));
        c.setPollNameServerInterval(1000);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setConsumeThreadMin(4);
        c.setConsumeThreadMax(4);
        closers.add(c::shutdown);
        return c;
    }

    DefaultLitePullConsumer litePullConsumer(String group) {
        DefaultLitePullConsumer c = new DefaultLitePullConsumer(group);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName(unique("l"));
        c.setPollNameServerInterval(1000);
        c.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        c.setPullThreadNums(4);
        closers.add(c::shutdown);
        return c;
    }

    DefaultMQPullConsumer pullConsumer(String group) throws Exception {
        DefaultMQPullConsumer c = new DefaultMQPullConsumer(group);
        c.setNamesrvAddr(namesrv);
        c.setInstanceName(unique("pl"));
        c.setPollNameServerInterval(1000);
        closers.add(c::shutdown);
        return c;
    }

    /** Creates the topic on the broker holding TBW102 and waits until the name server routes it. */
    void createTopic(DefaultMQProducer admin, String topic, int queues) throws Exception {
        // idempotent, so retried: on a loaded machine the first name-server call after start-up can time out
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            admin.createTopic("TBW102", topic, queues, 0);
            return true;
        });
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
            .until(() -> admin.fetchPublishMessageQueues(topic).size() == queues);
    }

    @Override
    public void close() {
        for (int i = closers.size() - 1; i >= 0; i--) {
            try {
                closers.get(i).close();
            } catch (Exception e) {
                // best effort: the test result is already decided
            }
        }
        closers.clear();
    }
}
