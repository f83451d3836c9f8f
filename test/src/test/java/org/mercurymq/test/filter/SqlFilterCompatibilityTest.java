package org.mercurymq.test.filter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mercurymq.test.harness.ApacheCluster;
import org.mercurymq.test.harness.MercuryCluster;

/**
 * SQL92 filtering end to end, Mercury against Apache RocketMQ 4.9.7 (both in child JVMs with
 * {@code enablePropertyFilter=true}) holding the same 48 messages with varied properties: for each expression of
 * the table the official 4.9.7 pull consumer ({@code pull(mq, bySql(..))}, the expression travels in the pull
 * header) must get the same set of messages from both; official push (heartbeat-registered filter) and lite-pull
 * consumers and Mercury's own push and lite-pull consumers must get exactly that set too; an expression that
 * does not compile fails consumer start with code 23 on both.
 */
class SqlFilterCompatibilityTest {
    private static final String TOPIC = "SqlFilterTopic";
    private static final int MESSAGES = 48;
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** Each operator, NULL handling, type mismatch, TAGS, BETWEEN, IN, precedence. */
    static final List<String> TABLE = List.of(
        "a > 5", "a >= 5", "a < 5", "a <= 5", "a = 5", "a <> 5", "a > 5.0", "a = 'abc'", "a <> 'abc'",
        "a IS NULL", "a IS NOT NULL", "zzz IS NULL", "zzz = 'x'", "b = 1 AND c = 'x'", "b = 1 OR c = 'x'",
        "a = 10 OR b = 1 AND c = 'y'", "(a = 10 OR b = 1) AND c = 'y'", "NOT (b = 1)", "NOT b = 1",
        "a BETWEEN 1 AND 10", "a NOT BETWEEN 1 AND 10", "f BETWEEN 2.5 AND 10.0", "c IN ('x', 'y')",
        "c NOT IN ('x', 'y')", "TAGS IN ('TagA', 'TagB')", "TAGS NOT IN ('TagA')", "TAGS = 'TagC'", "TAGS IS NULL",
        "t = TRUE", "t = FALSE", "t", "a > b", "a = 3000000000", "a > 3000000000L OR a < -1", "c = 'it''s'",
        "n >= 40", "n < 10 AND a > -5", "'x' <> c", "b <> 2 OR a IS NULL", "f > 20", "f > 20.0",
        "KEYS = 'k7'", "a = 1 LIKE 'x%'", "TRUE", "FALSE", "tags = 'TagA'",
        "a BETWEEN 1 AND 10 AND c <> 'y'", "TAGS IN ('TagA', 'TagC') OR t = TRUE", "a > 5 OR TAGS = 'TagB'");

    @TempDir
    static Path dir;
    static MercuryCluster mercury;
    static ApacheCluster apache;
    /** Expected delivery per expression, established by the table test (identical on both brokers). */
    static final Map<String, Set<Integer>> EXPECTED = new LinkedHashMap<>();
    private static final Deque<Runnable> SHUTDOWNS = new ArrayDeque<>();

    @BeforeAll
    static void startClustersAndSendTheMessages() throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        CompletableFuture<ApacheCluster> a = CompletableFuture.supplyAsync(
            () -> ApacheCluster.start(dir.resolve("apache"), "enablePropertyFilter=true"));
        try {
            mercury = MercuryCluster.start(dir.resolve("mercury"), "enablePropertyFilter=true");
        } finally {
            apache = a.join();
        }
        for (String ns : List.of(mercury.namesrvAddress(), apache.namesrvAddress())) {
            String broker = ns.equals(mercury.namesrvAddress()) ? mercury.brokerAddress() : apache.brokerAddress();
            DefaultMQAdminExt admin = new DefaultMQAdminExt(10_000);
            admin.setNamesrvAddr(ns);
            admin.setInstanceName("admin-" + SEQ.incrementAndGet());
            admin.start();
            try {
                admin.createAndUpdateTopicConfig(broker, new TopicConfig(TOPIC, 4, 4, 6));
            } finally {
                admin.shutdown();
            }
            DefaultMQProducer producer = new DefaultMQProducer("sql-producer-" + SEQ.incrementAndGet());
            producer.setNamesrvAddr(ns);
            producer.setInstanceName("producer-" + SEQ.incrementAndGet());
            producer.setSendMsgTimeout(10_000);
            producer.start();
            try {
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> producer.fetchPublishMessageQueues(TOPIC).size() == 4);
                for (int n = 0; n < MESSAGES; n++) {
                    assertEquals(SendStatus.SEND_OK, producer.send(message(n)).getSendStatus());
                }
            } finally {
                producer.shutdown();
            }
        }
    }

    /** Message n: a cycles through numbers, a non-number and absence, b/c/t/TAGS through their values. */
    static Message message(int n) {
        String[] as = {"1", "5", "10", "05", "5.5", "-3", "3000000000", "abc", "20", null};
        String[] bs = {"1", "2", "9", null};
        String[] cs = {"x", "y", "X", "it's", "q"};
        String[] tags = {"TagA", "TagB", "TagC", null};
        String[] ts = {"true", "TRUE", "false", "1", null};
        Message m = new Message(TOPIC, ("body-" + n).getBytes(StandardCharsets.UTF_8));
        put(m, "n", String.valueOf(n));
        put(m, "a", as[n % as.length]);
        put(m, "b", bs[n % bs.length]);
        put(m, "c", cs[n % cs.length]);
        put(m, "t", ts[n % ts.length]);
        put(m, "f", String.valueOf(n * 0.5));
        if (tags[n % tags.length] != null) {
            m.setTags(tags[n % tags.length]);
        }
        m.setKeys("k" + n);
        return m;
    }

    private static void put(Message m, String key, String value) {
        if (value != null) {
            m.putUserProperty(key, value);
        }
    }

    @AfterAll
    static void stop() {
        while (!SHUTDOWNS.isEmpty()) {
            try {
                SHUTDOWNS.pop().run();
            } catch (RuntimeException e) {
                System.out.println("shutdown: " + e);
            }
        }
        if (apache != null) {
            apache.close();
        }
        if (mercury != null) {
            mercury.close();
        }
    }

    private static synchronized Set<Integer> expected(String sql) throws Exception {
        if (EXPECTED.isEmpty()) {
            officialPullConsumerGetsTheSameMessagesFromBothBrokersForEveryExpression();
        }
        return EXPECTED.get(sql);
    }

    @Test
    void tableOfExpressions() throws Exception {
        synchronized (SqlFilterCompatibilityTest.class) {
            if (EXPECTED.isEmpty()) {
                officialPullConsumerGetsTheSameMessagesFromBothBrokersForEveryExpression();
            }
        }
        assertEquals(TABLE.size(), EXPECTED.size());
    }

    private static void officialPullConsumerGetsTheSameMessagesFromBothBrokersForEveryExpression() throws Exception {
        Map<String, Set<Integer>> onMercury = pullTable(mercury.namesrvAddress());
        Map<String, Set<Integer>> onApache = pullTable(apache.namesrvAddress());
        List<String> differences = new ArrayList<>();
        int partial = 0;
        for (String sql : TABLE) {
            Set<Integer> m = onMercury.get(sql);
            Set<Integer> a = onApache.get(sql);
            System.out.printf("%-40s apache %2d mercury %2d %s%n", sql, a.size(), m.size(), a.equals(m) ? "" : "DIFFERENT");
            if (!a.equals(m)) {
                differences.add(sql + ": apache " + a + " mercury " + m);
            }
            if (!a.isEmpty() && a.size() < MESSAGES) {
                partial++;
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        assertTrue(partial >= 30, "only " + partial + " expressions select a proper subset; the table tests too little");
        assertEquals(MESSAGES, onApache.get("TRUE").size());
        EXPECTED.putAll(onApache);
    }

    private static Map<String, Set<Integer>> pullTable(String namesrv) throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer("sql-pull-" + SEQ.incrementAndGet());
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("pull-" + SEQ.incrementAndGet());
        consumer.start();
        try {
            Set<MessageQueue> mqs = consumer.fetchSubscribeMessageQueues(TOPIC);
            await().atMost(Duration.ofSeconds(30)).until(() -> totalMaxOffset(consumer, mqs) == MESSAGES);
            // the 4.9.7 client refuses SQL pulls until a heartbeat told it the broker's version (1 s after start)
            MessageQueue first = mqs.iterator().next();
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> consumer.pull(first, MessageSelector.bySql("TRUE"), 0, 1, 5_000) != null);
            Map<String, Set<Integer>> out = new LinkedHashMap<>();
            for (String sql : TABLE) {
                out.put(sql, pullAll(consumer, mqs, sql));
            }
            return out;
        } finally {
            consumer.shutdown();
        }
    }

    private static long totalMaxOffset(DefaultMQPullConsumer consumer, Collection<MessageQueue> mqs) throws Exception {
        long sum = 0;
        for (MessageQueue mq : mqs) {
            sum += consumer.maxOffset(mq);
        }
        return sum;
    }

    private static Set<Integer> pullAll(DefaultMQPullConsumer consumer, Collection<MessageQueue> mqs, String sql)
        throws Exception {
        Set<Integer> got = new TreeSet<>();
        for (MessageQueue mq : mqs) {
            long offset = 0;
            for (int round = 0; round < 100; round++) {
                PullResult r = consumer.pull(mq, MessageSelector.bySql(sql), offset, 32, 10_000);
                switch (r.getPullStatus()) {
                    case FOUND:
                        for (MessageExt m : r.getMsgFoundList()) {
                            got.add(Integer.parseInt(m.getUserProperty("n")));
                        }
                        offset = r.getNextBeginOffset();
                        continue;
                    case NO_MATCHED_MSG:
                        offset = r.getNextBeginOffset();
                        continue;
                    default:
                        round = 100;
                }
            }
        }
        return got;
    }

    @Test
    void officialPushAndLitePullConsumersGetTheTableSetFromBothBrokers() throws Exception {
        List<Runnable> checks = new ArrayList<>();
        for (String ns : List.of(mercury.namesrvAddress(), apache.namesrvAddress())) {
            for (String sql : List.of("a BETWEEN 1 AND 10 AND c <> 'y'", "TAGS IN ('TagA', 'TagC') OR t = TRUE")) {
                Set<Integer> got = new ConcurrentSkipListSet<>();
                DefaultMQPushConsumer push = new DefaultMQPushConsumer("sql-push-" + SEQ.incrementAndGet());
                push.setNamesrvAddr(ns);
                push.setInstanceName("push-" + SEQ.incrementAndGet());
                push.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
                push.subscribe(TOPIC, MessageSelector.bySql(sql));
                push.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
                    msgs.forEach(m -> got.add(Integer.parseInt(m.getUserProperty("n"))));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
                push.start();
                SHUTDOWNS.push(push::shutdown);
                checks.add(() -> awaitExactly(ns + " official push [" + sql + "]", got, sql));
            }
            String liteSql = "a > 5 OR TAGS = 'TagB'";
            DefaultLitePullConsumer lite = new DefaultLitePullConsumer("sql-lite-" + SEQ.incrementAndGet());
            lite.setNamesrvAddr(ns);
            lite.setInstanceName("lite-" + SEQ.incrementAndGet());
            lite.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            lite.subscribe(TOPIC, MessageSelector.bySql(liteSql));
            lite.start();
            SHUTDOWNS.push(lite::shutdown);
            Set<Integer> got = new ConcurrentSkipListSet<>();
            checks.add(() -> {
                await().atMost(Duration.ofSeconds(45)).until(() -> {
                    lite.poll(200).forEach(m -> got.add(Integer.parseInt(m.getUserProperty("n"))));
                    return got.equals(expectedQuietly(liteSql));
                });
            });
        }
        checks.forEach(Runnable::run);
    }

    @Test
    void mercuryClientBySqlGetsTheTableSetFromBothBrokers() throws Exception {
        List<Runnable> checks = new ArrayList<>();
        for (String ns : List.of(mercury.namesrvAddress(), apache.namesrvAddress())) {
            String pushSql = "a = 10 OR b = 1 AND c = 'y'";
            Set<Integer> pushed = new ConcurrentSkipListSet<>();
            org.mercurymq.client.consumer.DefaultMQPushConsumer push =
                new org.mercurymq.client.consumer.DefaultMQPushConsumer("mercury-sql-push-" + SEQ.incrementAndGet());
            push.setNamesrvAddr(ns);
            push.setInstanceName("mpush-" + SEQ.incrementAndGet());
            push.setConsumeFromWhere(org.mercurymq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            push.subscribe(TOPIC, org.mercurymq.client.consumer.MessageSelector.bySql(pushSql));
            push.registerMessageListener(
                (org.mercurymq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) -> {
                    msgs.forEach(m -> pushed.add(Integer.parseInt(m.getUserProperty("n"))));
                    return org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
            push.start();
            SHUTDOWNS.push(push::shutdown);
            checks.add(() -> awaitExactly(ns + " mercury push [" + pushSql + "]", pushed, pushSql));

            String liteSql = "c NOT IN ('x', 'y')";
            org.mercurymq.client.consumer.DefaultLitePullConsumer lite =
                new org.mercurymq.client.consumer.DefaultLitePullConsumer("mercury-sql-lite-" + SEQ.incrementAndGet());
            lite.setNamesrvAddr(ns);
            lite.setInstanceName("mlite-" + SEQ.incrementAndGet());
            lite.setConsumeFromWhere(org.mercurymq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            lite.subscribe(TOPIC, org.mercurymq.client.consumer.MessageSelector.bySql(liteSql));
            lite.start();
            SHUTDOWNS.push(lite::shutdown);
            Set<Integer> polled = new ConcurrentSkipListSet<>();
            checks.add(() -> await().atMost(Duration.ofSeconds(45)).until(() -> {
                lite.poll(200).forEach(m -> polled.add(Integer.parseInt(m.getUserProperty("n"))));
                return polled.equals(expectedQuietly(liteSql));
            }));
        }
        checks.forEach(Runnable::run);
    }

    @Test
    void anExpressionThatDoesNotCompileFailsConsumerStartWithCode23OnBothBrokers() throws Exception {
        for (String ns : List.of(mercury.namesrvAddress(), apache.namesrvAddress())) {
            DefaultMQPushConsumer push = new DefaultMQPushConsumer("sql-bad-" + SEQ.incrementAndGet());
            push.setNamesrvAddr(ns);
            push.setInstanceName("bad-" + SEQ.incrementAndGet());
            push.subscribe(TOPIC, MessageSelector.bySql("a > 'x'"));
            push.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) ->
                ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            SHUTDOWNS.push(push::shutdown);
            MQClientException e = assertThrows(MQClientException.class, push::start, ns);
            assertEquals(23, e.getResponseCode(), ns + ": " + e.getMessage());
            System.out.println(ns + " refused [a > 'x']: " + e.getErrorMessage());

            org.mercurymq.client.consumer.DefaultMQPushConsumer mercuryPush =
                new org.mercurymq.client.consumer.DefaultMQPushConsumer("mercury-sql-bad-" + SEQ.incrementAndGet());
            mercuryPush.setNamesrvAddr(ns);
            mercuryPush.setInstanceName("mbad-" + SEQ.incrementAndGet());
            mercuryPush.subscribe(TOPIC, org.mercurymq.client.consumer.MessageSelector.bySql("a BETWEEN 3 AND 1"));
            mercuryPush.registerMessageListener(
                (org.mercurymq.client.consumer.listener.MessageListenerConcurrently) (msgs, ctx) ->
                    org.mercurymq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            org.mercurymq.client.exception.MQClientException me = assertThrows(
                org.mercurymq.client.exception.MQClientException.class, mercuryPush::start, ns);
            assertEquals(23, me.getResponseCode(), ns + ": " + me.getMessage());
        }
    }

    private static Set<Integer> expectedQuietly(String sql) {
        try {
            Set<Integer> e = expected(sql);
            if (e == null) {
                throw new IllegalStateException(sql + " is not in the table");
            }
            return e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitExactly(String what, Set<Integer> got, String sql) {
        Set<Integer> want = expectedQuietly(sql);
        assertTrue(!want.isEmpty() && want.size() < MESSAGES, what + ": pick an expression that selects a proper subset");
        try {
            await().atMost(Duration.ofSeconds(45)).until(() -> got.equals(want));
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": expected " + want + " got " + got, e);
        }
    }
}
