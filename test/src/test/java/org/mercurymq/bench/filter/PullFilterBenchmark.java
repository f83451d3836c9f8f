package org.mercurymq.bench.filter;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mercurymq.broker.filter.FilterErrorLog;
import org.mercurymq.broker.filter.SqlMessageFilter;
import org.mercurymq.broker.filter.TagMessageFilter;
import org.mercurymq.broker.filter.sql.SqlParser;
import org.mercurymq.common.filter.FilterAPI;
import org.mercurymq.common.message.MessageAccessor;
import org.mercurymq.common.message.MessageDecoder;
import org.mercurymq.store.DefaultMessageStore;
import org.mercurymq.store.GetMessageResult;
import org.mercurymq.store.MessageExtBrokerInner;
import org.mercurymq.store.MessageFilter;
import org.mercurymq.store.MessageStoreConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pull throughput of Mercury's store with the broker's filters: {@code getMessage} batches of up to 32 matching
 * messages (256 B bodies) walking a preloaded queue, per filter. The messages cycle through four tags and carry
 * properties {@code a} (0–9) and {@code b} (x, y, z, w); every filter except "*" and TRUE selects a quarter of
 * them, so one operation scans about 128 consume-queue entries. Ops are batches.
 * <ul>
 *   <li>{@code tagAll} / {@code tagOne}: TAG subscription "*" / "TagA" (hash test on the consume queue, then
 *   the exact tag on the commit log for the matches)</li>
 *   <li>{@code sqlTrue}, {@code sqlTag} ({@code TAGS = 'TagA'}), {@code sqlProps}
 *   ({@code a >= 5 AND b IN ('x', 'y')}): SQL92, properties decoded and evaluated for every scanned message</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class PullFilterBenchmark {
    private static final String TOPIC = "FilterBenchTopic";
    private static final int QUEUES = 4;
    private static final int PRELOAD = 100_000;

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"tagAll", "tagOne", "sqlTrue", "sqlTag", "sqlProps"})
        public String filter;

        Path dir;
        DefaultMessageStore store;
        MessageFilter messageFilter;
        long[] max = new long[QUEUES];

        @Setup(Level.Trial)
        public void load() throws Exception {
            dir = Files.createTempDirectory("bench-filter");
            Map<String, String> raw = new HashMap<>();
            raw.put("storePathRootDir", dir.toString());
            raw.put("mappedFileSizeCommitLog", String.valueOf(128 * 1024 * 1024));
            try (ServerSocket free = new ServerSocket(0)) {
                raw.put("haListenPort", String.valueOf(free.getLocalPort()));
            }
            store = new DefaultMessageStore(new MessageStoreConfig(MessageStoreConfig.TABLE.parse(raw, w -> {
                throw new IllegalArgumentException(w);
            })), Clock.systemUTC(), null);
            store.load();
            store.start();
            byte[] body = new byte[256];
            ThreadLocalRandom.current().nextBytes(body);
            String[] tags = {"TagA", "TagB", "TagC", "TagD"};
            String[] bs = {"x", "y", "z", "w"};
            for (int i = 0; i < PRELOAD; i++) {
                MessageExtBrokerInner msg = new MessageExtBrokerInner();
                msg.setTopic(TOPIC);
                msg.setQueueId(i % QUEUES);
                msg.setBody(body);
                msg.setBornHost(new InetSocketAddress("127.0.0.1", 50000));
                msg.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
                int n = i / QUEUES;
                String tag = tags[n % 4];
                msg.setTags(tag);
                msg.setTagsCode(tag.hashCode());
                MessageAccessor.putProperty(msg, "a", String.valueOf(n % 10));
                MessageAccessor.putProperty(msg, "b", bs[(n / 4) % 4]);
                msg.setPropertiesString(MessageDecoder.messageProperties2String(msg.getProperties()));
                msg.setBornTimestamp(System.currentTimeMillis());
                store.putMessage(msg);
            }
            while (store.dispatchBehindBytes() > 0) {
                Thread.onSpinWait();
            }
            for (int q = 0; q < QUEUES; q++) {
                max[q] = store.getMaxOffsetInQueue(TOPIC, q);
            }
            messageFilter = filter(filter);
        }

        private static MessageFilter filter(String name) throws Exception {
            FilterErrorLog errors = new FilterErrorLog(System::currentTimeMillis);
            switch (name) {
                case "tagAll":
                    return new TagMessageFilter(FilterAPI.buildSubscriptionData(TOPIC, "*"));
                case "tagOne":
                    return new TagMessageFilter(FilterAPI.buildSubscriptionData(TOPIC, "TagA"));
                case "sqlTrue":
                    return new SqlMessageFilter("g", TOPIC, SqlParser.compile("TRUE"), errors);
                case "sqlTag":
                    return new SqlMessageFilter("g", TOPIC, SqlParser.compile("TAGS = 'TagA'"), errors);
                case "sqlProps":
                    return new SqlMessageFilter("g", TOPIC, SqlParser.compile("a >= 5 AND b IN ('x', 'y')"), errors);
                default:
                    throw new IllegalArgumentException(name);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            store.shutdown();
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int queue;
        long offset;

        @Setup(Level.Trial)
        public void pick() {
            queue = ThreadLocalRandom.current().nextInt(QUEUES);
        }
    }

    @Benchmark
    @Threads(2)
    public int pull32(Loaded loaded, Cursor cursor) {
        GetMessageResult r = loaded.store.getMessage("g", TOPIC, cursor.queue, cursor.offset, 32, loaded.messageFilter);
        int found = r.getMessageCount();
        long next = r.getNextBeginOffset();
        r.release();
        cursor.offset = next >= loaded.max[cursor.queue] ? 0 : next;
        return found;
    }
}
