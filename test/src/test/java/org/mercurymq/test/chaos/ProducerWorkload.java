package org.mercurymq.test.chaos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Producer threads with the official 4.9.7 client, each sending unique keys at a paced rate in one
 * {@link SendMode}, every outcome recorded in the {@link History}. ORDERED threads walk round-robin over
 * their sharding keys and number each key's sends; a {@link MessageQueueSelector} maps a sharding key to a
 * queue by hash. Retries are off by default (a retry is a second send with the same key, which the checkers count as a
 * duplicate rather than hide). {@link #start()} / {@link #shutdown()}; thread-safe.
 */
public final class ProducerWorkload {
    public static final String PROP_SHARD = "chaosShard";
    public static final String PROP_SEQ = "chaosSeq";
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final int ASYNC_IN_FLIGHT = 16;

    private static final MessageQueueSelector BY_SHARD = (mqs, msg, arg) ->
        mqs.get(Math.floorMod(arg.hashCode(), mqs.size()));

    private final Builder config;
    private final History history;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<DefaultMQProducer> producers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Semaphore asyncInFlight = new Semaphore(0);
    private int asyncThreads;

    private ProducerWorkload(Builder config, History history) {
        this.config = config;
        this.history = history;
    }

    public static Builder builder(String namesrvAddr, String topic) {
        return new Builder(namesrvAddr, topic);
    }

    public synchronized void start() throws Exception {
        int instance = INSTANCES.incrementAndGet();
        for (Map.Entry<SendMode, Integer> e : config.threads.entrySet()) {
            SendMode mode = e.getKey();
            DefaultMQProducer p = new DefaultMQProducer(config.group);
            p.setNamesrvAddr(config.namesrvAddr);
            p.setInstanceName("chaos-" + mode.name().toLowerCase() + "-" + instance);
            p.setSendMsgTimeout(config.sendTimeoutMillis);
            p.setRetryTimesWhenSendFailed(config.retriesWhenSendFailed);
            p.setRetryTimesWhenSendAsyncFailed(0);
            // a dead broker leaves the route quickly; a short poll brings a restarted one back quickly
            p.setPollNameServerInterval(config.pollNameServerMillis);
            p.setSendLatencyFaultEnable(config.sendLatencyFaultEnable);
            p.start();
            producers.add(p);
            for (int t = 0; t < e.getValue(); t++) {
                String name = "chaos-" + mode.name().toLowerCase() + "-" + instance + "-" + t;
                Runnable body;
                switch (mode) {
                    case SYNC: body = () -> syncLoop(p, name); break;
                    case ASYNC: body = () -> asyncLoop(p, name); asyncThreads++; break;
                    case BATCH: body = () -> batchLoop(p, name); break;
                    default: body = () -> orderedLoop(p, name); break;
                }
                Thread th = new Thread(body, name);
                th.setUncaughtExceptionHandler((thr, ex) -> System.err.println(thr.getName() + " died: " + ex));
                threads.add(th);
            }
        }
        asyncInFlight.release(asyncThreads * ASYNC_IN_FLIGHT);
        threads.forEach(Thread::start);
    }

    /** Stops sending, waits for the threads and the async callbacks, shuts the producers down. */
    public synchronized void shutdown() {
        stopped.set(true);
        for (Thread t : threads) {
            try {
                t.join(config.sendTimeoutMillis * 3L + 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            asyncInFlight.tryAcquire(asyncThreads * ASYNC_IN_FLIGHT, config.sendTimeoutMillis * 3L, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producers.forEach(DefaultMQProducer::shutdown);
        producers.clear();
    }

    private void syncLoop(DefaultMQProducer p, String name) {
        Pacer pacer = new Pacer(config.ratePerThread);
        for (long seq = 0; !stopped.get(); seq++) {
            pacer.await();
            String key = name + "-" + seq;
            long start = history.now();
            try {
                SendResult r = p.send(message(key, null, -1));
                record(key, null, -1, name, SendMode.SYNC, OutcomeClassifier.of(r), start, r, null);
            } catch (Exception e) {
                record(key, null, -1, name, SendMode.SYNC, OutcomeClassifier.of(e), start, null, e);
            }
        }
    }

    private void asyncLoop(DefaultMQProducer p, String name) {
        Pacer pacer = new Pacer(config.ratePerThread);
        for (long seq = 0; !stopped.get(); seq++) {
            pacer.await();
            try {
                if (!asyncInFlight.tryAcquire(1, TimeUnit.SECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            String key = name + "-" + seq;
            long start = history.now();
            try {
                p.send(message(key, null, -1), new SendCallback() {
                    @Override
                    public void onSuccess(SendResult r) {
                        record(key, null, -1, name, SendMode.ASYNC, OutcomeClassifier.of(r), start, r, null);
                        asyncInFlight.release();
                    }

                    @Override
                    public void onException(Throwable e) {
                        record(key, null, -1, name, SendMode.ASYNC, OutcomeClassifier.of(e), start, null, e);
                        asyncInFlight.release();
                    }
                }, config.sendTimeoutMillis);
            } catch (Exception e) {
                record(key, null, -1, name, SendMode.ASYNC, OutcomeClassifier.of(e), start, null, e);
                asyncInFlight.release();
            }
        }
    }

    private void batchLoop(DefaultMQProducer p, String name) {
        Pacer pacer = new Pacer(Math.max(1.0, config.ratePerThread / config.batchSize));
        for (long seq = 0; !stopped.get(); seq += config.batchSize) {
            pacer.await();
            List<Message> batch = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < config.batchSize; i++) {
                String key = name + "-" + (seq + i);
                keys.add(key);
                batch.add(message(key, null, -1));
            }
            long start = history.now();
            try {
                SendResult r = p.send(batch);
                for (String key : keys) {
                    record(key, null, -1, name, SendMode.BATCH, OutcomeClassifier.of(r), start, r, null);
                }
            } catch (Exception e) {
                for (String key : keys) {
                    record(key, null, -1, name, SendMode.BATCH, OutcomeClassifier.of(e), start, null, e);
                }
            }
        }
    }

    private void orderedLoop(DefaultMQProducer p, String name) {
        Pacer pacer = new Pacer(config.ratePerThread);
        long[] nextSeq = new long[config.shardsPerThread];
        for (long n = 0; !stopped.get(); n++) {
            pacer.await();
            int shard = (int) (n % config.shardsPerThread);
            String shardingKey = name + "-s" + shard;
            long seq = nextSeq[shard]++;
            String key = shardingKey + "-" + seq;
            long start = history.now();
            try {
                SendResult r = p.send(message(key, shardingKey, seq), BY_SHARD, shardingKey);
                record(key, shardingKey, seq, name, SendMode.ORDERED, OutcomeClassifier.of(r), start, r, null);
            } catch (Exception e) {
                record(key, shardingKey, seq, name, SendMode.ORDERED, OutcomeClassifier.of(e), start, null, e);
            }
        }
    }

    private Message message(String key, String shardingKey, long seq) {
        String topic = shardingKey != null && config.orderedTopic != null ? config.orderedTopic : config.topic;
        Message m = new Message(topic, "chaos", key, key.getBytes(StandardCharsets.UTF_8));
        if (shardingKey != null) {
            m.putUserProperty(PROP_SHARD, shardingKey);
            m.putUserProperty(PROP_SEQ, Long.toString(seq));
        }
        return m;
    }

    private void record(String key, String shardingKey, long seq, String producer, SendMode mode,
                        SendOutcome outcome, long start, SendResult result, Throwable error) {
        MessageQueue mq = result == null ? null : result.getMessageQueue();
        String detail = error != null ? OutcomeClassifier.describe(error)
            : outcome == SendOutcome.OK ? null : String.valueOf(result.getSendStatus());
        history.recordSend(new SendRecord(key, shardingKey, seq, producer, mode, outcome, start, history.now(),
            outcome == SendOutcome.OK && mq != null ? mq.getBrokerName() : null, detail));
    }

    /** Spaces calls {@code 1/rate} seconds apart; a slow call is not made up for with a burst. */
    private final class Pacer {
        private final long intervalNanos;
        private long next = System.nanoTime();

        Pacer(double ratePerSecond) {
            this.intervalNanos = (long) (1_000_000_000L / ratePerSecond);
        }

        void await() {
            long now = System.nanoTime();
            if (next > now) {
                LockSupport.parkNanos(next - now);
            }
            next = Math.max(next, now) + intervalNanos;
        }
    }

    /** Shape of the load: threads per mode, rate, batch size, shards, timeouts. */
    public static final class Builder {
        private final String namesrvAddr;
        private final String topic;
        private String orderedTopic;
        private final Map<SendMode, Integer> threads = new EnumMap<>(SendMode.class);
        private String group = "chaos-pg";
        private int retriesWhenSendFailed;
        private double ratePerThread = 100;
        private int batchSize = 4;
        private int shardsPerThread = 4;
        private int sendTimeoutMillis = 3000;
        private int pollNameServerMillis = 1000;
        private boolean sendLatencyFaultEnable;

        private Builder(String namesrvAddr, String topic) {
            this.namesrvAddr = namesrvAddr;
            this.topic = topic;
        }

        public Builder threads(SendMode mode, int count) {
            threads.put(mode, count);
            return this;
        }

        /**
         * Topic of the ORDERED threads (default: the main topic). A topic on one broker group keeps a sharding
         * key on one queue while another group comes and goes; across groups the queue list, hence the
         * selector's choice, changes with the route.
         */
        public Builder orderedTopic(String t) {
            this.orderedTopic = t;
            return this;
        }

        public Builder group(String producerGroup) {
            this.group = producerGroup;
            return this;
        }

        /**
         * The client's own retries of a failed synchronous send, on another broker when there is one (0 here by
         * default; the client's default is 2). A send keeps its key through its retries: a retry after an attempt
         * the broker did store shows up as a duplicate.
         */
        public Builder retriesWhenSendFailed(int retries) {
            this.retriesWhenSendFailed = retries;
            return this;
        }

        /** Sends (messages, for BATCH) per second per thread. */
        public Builder ratePerThread(double perSecond) {
            this.ratePerThread = perSecond;
            return this;
        }

        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        public Builder shardsPerThread(int shards) {
            this.shardsPerThread = shards;
            return this;
        }

        public Builder sendTimeoutMillis(int millis) {
            this.sendTimeoutMillis = millis;
            return this;
        }

        public Builder pollNameServerMillis(int millis) {
            this.pollNameServerMillis = millis;
            return this;
        }

        /** The client's latency-based fault avoidance (off by default, as in the client). */
        public Builder sendLatencyFaultEnable(boolean enable) {
            this.sendLatencyFaultEnable = enable;
            return this;
        }

        public ProducerWorkload build(History history) {
            if (threads.isEmpty()) {
                throw new IllegalStateException("no producer threads configured");
            }
            return new ProducerWorkload(this, history);
        }
    }
}
