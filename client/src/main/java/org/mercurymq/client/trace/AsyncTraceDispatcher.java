package org.mercurymq.client.trace;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.mercurymq.client.AccessChannel;
import org.mercurymq.client.exception.MQClientException;
import org.mercurymq.client.impl.consumer.DefaultMQPushConsumerImpl;
import org.mercurymq.client.impl.producer.DefaultMQProducerImpl;
import org.mercurymq.client.producer.DefaultMQProducer;
import org.mercurymq.client.producer.SendCallback;
import org.mercurymq.client.producer.SendResult;
import org.mercurymq.common.TopicNames;
import org.mercurymq.common.message.Message;
import org.mercurymq.remoting.RPCHook;
import org.mercurymq.remoting.netty.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers trace records of one producer or consumer without ever holding up its business calls
 * (docs/client.md "Message trace"):
 *
 * <pre>
 *  hook thread ──append (offer, never blocks)──▶ queue (1024) ──▶ worker thread: encode, one batch per trace topic
 *                 full: dropped and counted                         │ batch ≥ 118 000 chars or oldest record ≥ 500 ms
 *                                                                   ▼
 *                                  send pool MQTraceSendThread_ (10..20 threads, 2048 waiting) ──▶ trace producer
 *                                                                   (async send, keys = traced msgIds and keys)
 * </pre>
 *
 * The trace producer is the dispatcher's own {@link DefaultMQProducer} (group
 * {@code _INNER_TRACE_PRODUCER-<group>-<type>-<n>}, instance {@code PID_CLIENT_INNER_TRACE_PRODUCER_<namesrv>}), so
 * it never shares a client instance with the traced client. Failures to send are counted and logged, never thrown.
 * Thread-safe.
 */
public class AsyncTraceDispatcher implements TraceDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncTraceDispatcher.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static final int QUEUE_CAPACITY = 1024;
    static final int TRACE_PRODUCER_MAX_MESSAGE_SIZE = 128000;
    /** A batch is sent once its text reaches this length, leaving room for the message's properties. */
    static final int BATCH_MAX_CHARS = TRACE_PRODUCER_MAX_MESSAGE_SIZE - 10000;
    static final long BATCH_MAX_AGE_MILLIS = 500;
    static final long POLL_MILLIS = 100;
    static final long FLUSH_WAIT_MILLIS = 500;
    static final int SEND_TIMEOUT_MILLIS = 5000;
    static final long WARN_INTERVAL_MILLIS = 10000;
    private static final int SEND_QUEUE_CAPACITY = 2048;

    private final String group;
    private final Type type;
    private final String dispatcherId = UUID.randomUUID().toString();
    private final LongSupplier clock;
    private final BlockingQueue<TraceContext> traceContextQueue;
    private final ThreadPoolExecutor traceExecutor;
    private final DefaultMQProducer traceProducer;
    private final TraceDropCounter queueFull;
    private final TraceDropCounter sendFailed;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong sentRecords = new AtomicLong();
    /** Records appended whose trace message has not completed yet (sent, failed or dropped); guarded by itself. */
    private final Object pendingLock = new Object();
    private long pending;

    private volatile String traceTopicName;
    private volatile AccessChannel accessChannel = AccessChannel.LOCAL;
    private volatile boolean flushRequested;
    private volatile boolean stopping;
    private volatile Thread worker;
    private volatile Thread shutDownHook;
    private volatile DefaultMQProducerImpl hostProducer;
    private volatile DefaultMQPushConsumerImpl hostConsumer;

    /** {@code traceTopicName} blank means {@code RMQ_SYS_TRACE_TOPIC}; {@code rpcHook} (may be null) signs the trace sends. */
    public AsyncTraceDispatcher(String group, Type type, String traceTopicName, RPCHook rpcHook) {
        this(group, type, traceTopicName, rpcHook, QUEUE_CAPACITY, System::currentTimeMillis);
    }

    AsyncTraceDispatcher(String group, Type type, String traceTopicName, RPCHook rpcHook, int queueCapacity,
                         LongSupplier clock) {
        this.group = group;
        this.type = type;
        this.clock = clock;
        this.traceTopicName = traceTopicName == null || traceTopicName.trim().isEmpty()
            ? TopicNames.TRACE_TOPIC : traceTopicName;
        this.traceContextQueue = new ArrayBlockingQueue<TraceContext>(queueCapacity);
        this.traceExecutor = new ThreadPoolExecutor(10, 20, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<Runnable>(SEND_QUEUE_CAPACITY), new NamedThreadFactory("MQTraceSendThread_", true));
        this.queueFull = new TraceDropCounter("trace queue of " + group + " full (capacity " + queueCapacity + ")",
            clock, WARN_INTERVAL_MILLIS);
        this.sendFailed = new TraceDropCounter("trace messages of " + group + " not sent", clock, WARN_INTERVAL_MILLIS);
        this.traceProducer = new DefaultMQProducer(rpcHook);
        traceProducer.setProducerGroup(TraceConstants.GROUP_NAME_PREFIX + "-" + group + "-" + type + "-"
            + COUNTER.incrementAndGet());
        traceProducer.setSendMsgTimeout(SEND_TIMEOUT_MILLIS);
        traceProducer.setVipChannelEnabled(false);
        traceProducer.setMaxMessageSize(TRACE_PRODUCER_MAX_MESSAGE_SIZE);
    }

    public AccessChannel getAccessChannel() {
        return accessChannel;
    }

    public void setAccessChannel(AccessChannel accessChannel) {
        this.accessChannel = accessChannel;
    }

    public String getTraceTopicName() {
        return traceTopicName;
    }

    public void setTraceTopicName(String traceTopicName) {
        this.traceTopicName = traceTopicName;
    }

    public DefaultMQProducer getTraceProducer() {
        return traceProducer;
    }

    public DefaultMQProducerImpl getHostProducer() {
        return hostProducer;
    }

    public void setHostProducer(DefaultMQProducerImpl hostProducer) {
        this.hostProducer = hostProducer;
    }

    public DefaultMQPushConsumerImpl getHostConsumer() {
        return hostConsumer;
    }

    public void setHostConsumer(DefaultMQPushConsumerImpl hostConsumer) {
        this.hostConsumer = hostConsumer;
    }

    /**
     * Starts the trace producer (instance {@code PID_CLIENT_INNER_TRACE_PRODUCER_<nameSrvAddr>}) and the worker.
     * A failure to start the producer is thrown; the worker is not started then and records are dropped.
     */
    @Override
    public void start(String nameSrvAddr, AccessChannel accessChannel) throws MQClientException {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        this.accessChannel = accessChannel == null ? AccessChannel.LOCAL : accessChannel;
        traceProducer.setNamesrvAddr(nameSrvAddr);
        traceProducer.setInstanceName(TraceConstants.TRACE_INSTANCE_NAME + "_" + nameSrvAddr);
        traceProducer.start();
        Thread t = new Thread(new Worker(), "MQ-AsyncTraceDispatcher-Thread-" + dispatcherId);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> LOG.error("uncaught exception in thread {}", thread.getName(), e));
        worker = t;
        t.start();
        registerShutDownHook();
        LOG.info("message trace of {} ({}) goes to {} through producer group {}", group, type,
            this.accessChannel == AccessChannel.CLOUD ? TraceConstants.TRACE_TOPIC_PREFIX + "<region>" : traceTopicName,
            traceProducer.getProducerGroup());
    }

    /** Queues a {@link TraceContext} without blocking; a full queue drops it (counted, WARN at most every 10 s). */
    @Override
    public boolean append(Object ctx) {
        if (!(ctx instanceof TraceContext) || stopping) {
            return false;
        }
        synchronized (pendingLock) {
            pending++;
        }
        if (traceContextQueue.offer((TraceContext) ctx)) {
            return true;
        }
        completed(1);
        queueFull.drop(1, "trace sending is slower than the traced client");
        return false;
    }

    /** Sends every queued record now and waits up to 500 ms for the trace messages to be acknowledged. */
    @Override
    public void flush() {
        flushRequested = true;
        long deadline = clock.getAsLong() + FLUSH_WAIT_MILLIS;
        synchronized (pendingLock) {
            long left;
            while (pending > 0 && (left = deadline - clock.getAsLong()) > 0 && worker != null) {
                try {
                    pendingLock.wait(Math.min(left, POLL_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Flushes (≤ 500 ms), stops the worker, the send pool and the trace producer. */
    @Override
    public void shutdown() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        Thread w = worker;
        if (w != null) {
            flush();
        }
        stopping = true;
        if (w != null) {
            try {
                w.join(POLL_MILLIS * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        traceExecutor.shutdown();
        if (started.get()) {
            traceProducer.shutdown();
        }
        removeShutdownHook();
        LOG.info("message trace of {} stopped: {} records sent, {} dropped (queue full), {} not sent, {} unsent at shutdown",
            group, sentRecords.get(), queueFull.dropped(), sendFailed.dropped(), pendingCount());
    }

    public void registerShutDownHook() {
        if (shutDownHook != null) {
            return;
        }
        Thread hook = new Thread(this::flush, "ShutdownHookMQTrace");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            shutDownHook = hook;
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    public void removeShutdownHook() {
        Thread hook = shutDownHook;
        if (hook == null) {
            return;
        }
        shutDownHook = null;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    /** Records dropped because the queue was full. */
    long droppedCount() {
        return queueFull.dropped();
    }

    long pendingCount() {
        synchronized (pendingLock) {
            return pending;
        }
    }

    int queuedCount() {
        return traceContextQueue.size();
    }

    private void completed(long records) {
        synchronized (pendingLock) {
            pending -= records;
            if (pending <= 0) {
                pendingLock.notifyAll();
            }
        }
    }

    /** The trace topic a record goes to: the configured one, or per region with the cloud channel. */
    private String topicOf(TraceContext ctx) {
        return accessChannel == AccessChannel.CLOUD ? TraceConstants.TRACE_TOPIC_PREFIX + ctx.getRegionId() : traceTopicName;
    }

    /** Takes records off the queue, batches them per topic and hands due batches to the send pool. */
    private final class Worker implements Runnable {
        private final Map<String, TraceBatch> batches = new HashMap<String, TraceBatch>();

        @Override
        public void run() {
            while (true) {
                TraceContext ctx;
                try {
                    ctx = traceContextQueue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    ctx = null;
                }
                if (ctx != null) {
                    add(ctx);
                }
                boolean all = flushRequested || stopping;
                long now = clock.getAsLong();
                for (TraceBatch batch : batches.values()) {
                    if (!batch.isEmpty() && (all || batch.isDue(now))) {
                        send(batch.drain());
                    }
                }
                if (all && traceContextQueue.isEmpty()) {
                    flushRequested = false;
                    if (stopping) {
                        return;
                    }
                }
            }
        }

        private void add(TraceContext ctx) {
            TraceTransferBean bean;
            try {
                if (ctx.getAccessChannel() == null) {
                    ctx.setAccessChannel(accessChannel);
                }
                bean = TraceDataEncoder.encoderFromContextBean(ctx);
            } catch (RuntimeException e) {
                completed(1);
                sendFailed.drop(1, "cannot encode " + ctx + ": " + e);
                return;
            }
            if (bean == null) {
                completed(1);
                return;
            }
            String topic = topicOf(ctx);
            TraceBatch batch = batches.get(topic);
            if (batch == null) {
                batch = new TraceBatch(topic, BATCH_MAX_CHARS, BATCH_MAX_AGE_MILLIS);
                batches.put(topic, batch);
            }
            batch.add(bean, clock.getAsLong());
            if (batch.isFull()) {
                send(batch.drain());
            }
        }

        private void send(final TraceBatch.Drained batch) {
            try {
                traceExecutor.execute(() -> sendTraceMessage(batch));
            } catch (RejectedExecutionException e) {
                completed(batch.records);
                sendFailed.drop(batch.records, "trace send pool full or stopped");
            }
        }
    }

    private void sendTraceMessage(final TraceBatch.Drained batch) {
        Message message = new Message(batch.topic, batch.data.getBytes(StandardCharsets.UTF_8));
        message.setKeys(batch.keys);
        try {
            traceProducer.send(message, new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    sentRecords.addAndGet(batch.records);
                    completed(batch.records);
                }

                @Override
                public void onException(Throwable e) {
                    completed(batch.records);
                    sendFailed.drop(batch.records, "send to " + batch.topic + " failed: " + e);
                }
            }, SEND_TIMEOUT_MILLIS);
        } catch (Exception e) {
            completed(batch.records);
            sendFailed.drop(batch.records, "send to " + batch.topic + " failed: " + e);
        }
    }
}
