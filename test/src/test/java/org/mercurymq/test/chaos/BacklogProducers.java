package org.mercurymq.test.chaos;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * Producer threads sharing one official 4.9.7 {@link DefaultMQProducer} that send fixed-size bodies with
 * SYNC sends, each message keyed by a global sequence number. Every acknowledged sequence number goes into
 * a bit set (for the lost check) and every successful send's completion time and latency into a
 * {@link SendLog}. Unpaced (as fast as the broker takes them) until {@link #pace(double)} sets a total rate.
 * Used by the backlog test (docs/reliability.md, "Backlog larger than the page cache"); thread-safe.
 */
final class BacklogProducers {
    private final DefaultMQProducer producer;
    private final String topic;
    private final int bodyBytes;
    private final int threadCount;
    private final AtomicLong nextSeq = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final BitSet acked = new BitSet();
    private final SendLog log = new SendLog();
    private final List<Thread> threads = new ArrayList<>();
    private volatile long intervalNanosPerThread;

    BacklogProducers(String namesrvAddr, String topic, int threads, int bodyBytes) {
        this.producer = new DefaultMQProducer("chaos-backlog-producer");
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("chaos-backlog-" + System.nanoTime());
        producer.setSendMsgTimeout(3000);
        producer.setRetryTimesWhenSendFailed(0);
        // 4 KiB bodies would be compressed at the default 4 KiB threshold; the backlog must be 4 KiB on disk
        producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
        this.topic = topic;
        this.bodyBytes = bodyBytes;
        this.threadCount = threads;
    }

    void start() throws Exception {
        producer.start();
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::loop, "backlog-producer-" + i);
            t.setUncaughtExceptionHandler((th, e) -> System.err.println(th.getName() + " died: " + e));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** From now on about {@code totalPerSecond} sends a second over all threads. */
    void pace(double totalPerSecond) {
        intervalNanosPerThread = (long) (1_000_000_000L * threadCount / totalPerSecond);
    }

    private void loop() {
        byte[] body = new byte[bodyBytes];
        long next = System.nanoTime();
        while (!stopped.get()) {
            long interval = intervalNanosPerThread;
            if (interval > 0) {
                long now = System.nanoTime();
                if (next > now) {
                    LockSupport.parkNanos(next - now);
                }
                next = Math.max(next, now) + interval;
            }
            long seq = nextSeq.getAndIncrement();
            Message m = new Message(topic, "backlog", Long.toString(seq), body);
            long start = System.currentTimeMillis();
            try {
                SendResult r = producer.send(m);
                if (r.getSendStatus() == SendStatus.SEND_OK) {
                    synchronized (acked) {
                        acked.set((int) seq);
                    }
                    log.record(System.currentTimeMillis(), System.currentTimeMillis() - start);
                } else {
                    failures.incrementAndGet();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        }
    }

    void shutdown() {
        stopped.set(true);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.shutdown();
    }

    long ackedCount() {
        synchronized (acked) {
            return acked.cardinality();
        }
    }

    BitSet acked() {
        synchronized (acked) {
            return (BitSet) acked.clone();
        }
    }

    long failures() {
        return failures.get();
    }

    SendLog log() {
        return log;
    }
}
